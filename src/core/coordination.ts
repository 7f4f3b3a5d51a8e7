/**
 * How processes sharing one storage agree on who does what: several bot replicas on one PostgreSQL database,
 * or a bot and a CLI ingest on one SQLite data folder. Storage-neutral: a backend implements it with what it
 * has (a database table and advisory locks; a SQLite table and lock files). Every method returns a promise.
 */
export interface Coordination {
  /**
   * Records `key` (an event id, say) and returns true for the first delivery among every process sharing the
   * storage; false for a retry, a replay or the same event reaching another replica. Keys are remembered for
   * a day at least, then forgotten.
   */
  firstDelivery(key: string): Promise<boolean>;
  /**
   * Competes for `role` (a short name such as 'story-clustering'): at most one process leads a role at a time.
   * Resolves once the first attempt is decided; a standby keeps trying and takes over when the leader goes
   * (closes, dies, or loses its connection).
   */
  leadership(role: string): Promise<Leadership>;
  /**
   * Calls `listener` when another process announces a change of `topic` (with `notifyChange`), and also when
   * notices may have been missed (a lost connection), so a listener should reload rather than patch.
   * Resolves once listening, so a notice sent after that is not missed; the result unsubscribes.
   */
  onChange(topic: string, listener: () => void): Promise<() => void>;
  /** Tells the other processes that `topic` changed (this process's own listeners are not called). */
  notifyChange(topic: string): Promise<void>;
  /** Gives up every leadership and stops listening; releases connections. */
  close(): Promise<void>;
}

/** One process's claim on a role. */
export interface Leadership {
  readonly role: string;
  /** True while this process leads the role. */
  readonly leading: boolean;
  /** Calls `listener` whenever `leading` changes (gained, or lost with the connection); the result unsubscribes. */
  onChange(listener: (leading: boolean) => void): () => void;
  /** Stops leading (or competing); another process may take over at once. */
  release(): Promise<void>;
}
