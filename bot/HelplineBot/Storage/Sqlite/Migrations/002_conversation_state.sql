-- Issue 3: per-conversation dialog state with an optimistic-concurrency version, and what the scripted
-- flows leave for advisors (callback requests, requests for a person) and for the team (feedback).
-- Effects are keyed by the activity that caused them, so a turn re-run after a conflict stores once.
CREATE TABLE conversation_state (
    conversation_key TEXT PRIMARY KEY,
    version          INTEGER NOT NULL,
    state_json       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE callback_requests (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_key TEXT NOT NULL,
    activity_id      TEXT NOT NULL,
    name             TEXT NOT NULL,
    phone_e164       TEXT NOT NULL,
    best_time        TEXT NOT NULL,
    voicemail_ok     INTEGER NOT NULL,
    context_json     TEXT NOT NULL,
    requested_at     TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open',
    UNIQUE (conversation_key, activity_id)
);

CREATE TABLE advisor_requests (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_key TEXT NOT NULL,
    activity_id      TEXT NOT NULL,
    reason           TEXT NOT NULL,
    context_json     TEXT NOT NULL,
    requested_at     TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open',
    UNIQUE (conversation_key, activity_id)
);
CREATE INDEX advisor_requests_open ON advisor_requests (conversation_key, status, requested_at);

CREATE TABLE conversation_feedback (
    conversation_key TEXT NOT NULL,
    activity_id      TEXT NOT NULL,
    helpful          INTEGER NOT NULL,
    recorded_at      TEXT NOT NULL,
    PRIMARY KEY (conversation_key, activity_id)
);
