-- Self-hosted Direct Line: conversations and their activity log (the echo, the bot's replies).
CREATE TABLE directline_conversations (
    id          TEXT PRIMARY KEY,
    user_id     TEXT,
    created_at  TEXT NOT NULL,
    started     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE directline_activities (
    conversation_id     TEXT NOT NULL REFERENCES directline_conversations(id),
    seq                 INTEGER NOT NULL,
    activity            TEXT NOT NULL,
    client_activity_id  TEXT,
    PRIMARY KEY (conversation_id, seq)
);

-- A client's retried post (same clientActivityID) is stored once.
CREATE UNIQUE INDEX directline_activities_client_id
    ON directline_activities (conversation_id, client_activity_id)
    WHERE client_activity_id IS NOT NULL;
