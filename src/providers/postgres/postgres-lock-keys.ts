/**
 * Keys of the advisory locks storydesk takes, so replicas sharing a database agree on them. Session locks
 * belong to one connection: hold them on a dedicated client, never through PgBouncer in transaction mode
 * (docs/decisions/0009-replica-coordination.md).
 */
export const advisoryLockKeys = {
  /** Held while numbered migrations run, so replicas starting together migrate once (the one-key form). */
  migrations: 7_301_001,
  /**
   * First key of every role lock, `pg_advisory_lock(roles, hashtext(role))` (the two-key form, a key space
   * apart from the one-key locks): the story-clustering leader, the Discord gateway owner (postgres-leadership.ts).
   */
  roles: 7301,
} as const;
