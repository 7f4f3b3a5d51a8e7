-- Replicas sharing one database (docs/decisions/0009-replica-leases.md). A feed is claimed for one poller at a
-- time (lease_owner until lease_until) and is not due again before next_poll_at, the start of the next poll
-- interval; a digest window's outbox row is leased to the one replica that builds and sends it, and taken over
-- by exactly one other replica when that lease expires (a crash, kill -9).
ALTER TABLE feed_state
  ADD COLUMN next_poll_at timestamptz,
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_until timestamptz;
CREATE INDEX feed_state_due ON feed_state (next_poll_at);

ALTER TABLE digest_outbox
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_until timestamptz;
CREATE INDEX digest_outbox_pending ON digest_outbox (created_at) WHERE status = 'pending';
