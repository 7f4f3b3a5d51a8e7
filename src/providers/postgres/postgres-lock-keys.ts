/**
 * Keys of the session advisory locks storydesk takes, one per role, so replicas sharing a database agree on
 * them. Session locks belong to one connection: hold them on a dedicated client, never through PgBouncer in
 * transaction mode (docs/scaling.md).
 */
export const advisoryLockKeys = {
  /** Held while numbered migrations run, so replicas starting together migrate once. */
  migrations: 7_301_001,
  /** Held by the one replica that clusters articles into stories. */
  storyClustering: 7_301_002,
  /** Held by the one replica connected to the Discord gateway. */
  discordGateway: 7_301_003,
} as const;
