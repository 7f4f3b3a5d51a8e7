-- Slack (or any platform) event keys already handled by some replica: the first INSERT wins
-- (ON CONFLICT DO NOTHING), so a retry, a replay or a delivery to another replica is answered once.
-- Rows older than a day are deleted by the replicas as they go (postgres-coordination.ts).
CREATE TABLE processed_events (
  key text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_events_seen_at ON processed_events (seen_at);
