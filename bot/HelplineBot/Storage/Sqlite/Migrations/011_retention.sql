-- Retention (design.md "Security and privacy"): the job that removes personal data older than
-- Storage:RetainConversationsFor finds old rows through these indexes, so each of its batches is a short write.

-- When a Direct Line conversation last had an activity (Unix ms, UTC): a conversation is deleted whole once
-- this is older than the period, never while someone is still writing in it. Existing rows take the time
-- of their last stored activity, else of their creation.
ALTER TABLE directline_conversations ADD COLUMN last_activity_at INTEGER;
UPDATE directline_conversations SET last_activity_at = CAST(ROUND((COALESCE(
        julianday((SELECT json_extract(a.activity, '$.timestamp') FROM directline_activities a
                   WHERE a.conversation_id = directline_conversations.id ORDER BY a.seq DESC LIMIT 1)),
        julianday(created_at)) - 2440587.5) * 86400000) AS INTEGER);
CREATE INDEX directline_conversations_last_activity ON directline_conversations (last_activity_at);

-- A closed handoff keeps its row for the figures; its personal fields are blanked once, at redacted_at.
-- Only handoffs still to redact are in the index, so the hourly look-up does not grow with the years kept.
ALTER TABLE handoffs ADD COLUMN redacted_at INTEGER;
CREATE INDEX handoffs_to_redact ON handoffs (closed_at) WHERE redacted_at IS NULL;

CREATE INDEX conversation_state_updated ON conversation_state (updated_at);
CREATE INDEX callback_requests_requested ON callback_requests (requested_at);
CREATE INDEX advisor_requests_requested ON advisor_requests (requested_at);
CREATE INDEX conversation_feedback_recorded ON conversation_feedback (recorded_at);
