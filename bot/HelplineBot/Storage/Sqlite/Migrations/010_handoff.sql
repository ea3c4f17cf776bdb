-- Human handoff (issue 6): the queue, every state change, relayed messages, service levels, audit, advisors.
-- Times are Unix milliseconds (UTC) so waits and figures are plain arithmetic in SQL.
CREATE TABLE handoffs (
    id                  TEXT PRIMARY KEY,
    channel_id          TEXT NOT NULL,
    conversation_id     TEXT NOT NULL,
    service_url         TEXT,
    visitor_id          TEXT,
    bot_id              TEXT,
    reason              TEXT NOT NULL,          -- crisis | person-requested | callback
    crisis_category     TEXT,                   -- crisis_* label of the safety screen, when a crisis
    priority            INTEGER NOT NULL,       -- 0 crisis, 1 everyone else; lower is served first
    state               TEXT NOT NULL,
    advisor_id          TEXT,
    advisor_name        TEXT,
    transfer_to         TEXT,
    context             TEXT NOT NULL,          -- HandoffContext JSON (schema-versioned)
    callback_phone      TEXT,
    queued_at           INTEGER NOT NULL,
    assigned_at         INTEGER,
    first_reply_at      INTEGER,
    closed_at           INTEGER,
    feedback            TEXT,                   -- the one-question answer after the advisor ended
    version             INTEGER NOT NULL DEFAULT 0
);

-- At most one open handoff per conversation: a second request joins the first.
CREATE UNIQUE INDEX handoffs_open_conversation ON handoffs (channel_id, conversation_id)
    WHERE state IN ('queued', 'assigned', 'active', 'transferred');
CREATE INDEX handoffs_queue ON handoffs (state, priority, queued_at);

CREATE TABLE handoff_transitions (
    handoff_id  TEXT NOT NULL REFERENCES handoffs(id),
    seq         INTEGER NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    actor       TEXT NOT NULL,                  -- 'bot', 'visitor', 'system' or 'advisor:{id}'
    at          INTEGER NOT NULL,
    PRIMARY KEY (handoff_id, seq)
);

CREATE TABLE handoff_messages (
    handoff_id  TEXT NOT NULL REFERENCES handoffs(id),
    seq         INTEGER NOT NULL,
    sender      TEXT NOT NULL,                  -- visitor | advisor | bot
    sender_name TEXT,
    text        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (handoff_id, seq)
);

-- One row per handoff once an advisor first replies: the figure the supervisor view reports on.
CREATE TABLE handoff_service_levels (
    handoff_id          TEXT PRIMARY KEY REFERENCES handoffs(id),
    is_crisis           INTEGER NOT NULL,
    first_reply_ms      INTEGER NOT NULL,
    target_ms           INTEGER NOT NULL,
    met                 INTEGER NOT NULL,
    at                  INTEGER NOT NULL
);

CREATE TABLE handoff_audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    advisor_id  TEXT NOT NULL,
    handoff_id  TEXT NOT NULL,
    action      TEXT NOT NULL,                  -- view | write | accept | transfer | end
    at          INTEGER NOT NULL
);
CREATE INDEX handoff_audit_handoff ON handoff_audit (handoff_id, at);

CREATE TABLE advisors (
    id              TEXT PRIMARY KEY,
    user_name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL,              -- advisor | supervisor
    password_hash   TEXT NOT NULL,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    created_at      INTEGER NOT NULL
);
