import pg from 'pg';
import type { Leadership } from '../../core/coordination.js';
import { LeadershipState } from '../leadership-state.js';
import { advisoryLockKeys } from './postgres-lock-keys.js';

export interface PostgresLeadershipOptions {
  url: string;
  role: string;
  /** application_name of the lock's connection, so an operator can see who leads in pg_stat_activity. */
  applicationName: string;
  /** Wait before reconnecting after the connection failed. @default 1000 */
  retryMs?: number;
  /** A leader checks its connection this often, so a silently dead one is noticed. @default 5000 */
  heartbeatMs?: number;
}

/**
 * Leadership of a role as a session advisory lock held on a dedicated connection (never a pooled one: a pooled
 * connection goes back to the pool, and through PgBouncer in transaction mode to other clients, with the lock).
 * A standby waits inside `pg_advisory_lock`, so the server hands it the lock the moment the holder's session
 * ends (closed, killed, or its connection lost). A leader whose connection fails stops leading and competes
 * again on a new connection.
 */
export class PostgresLeadership implements Leadership {
  readonly role: string;
  readonly #options: PostgresLeadershipOptions;
  readonly #state = new LeadershipState();
  #client: pg.Client | undefined;
  #released = false;
  readonly #sleepers = new Set<() => void>();
  #stopped: Promise<void> = Promise.resolve();

  private constructor(options: PostgresLeadershipOptions) {
    this.role = options.role;
    this.#options = options;
  }

  /** Starts competing; resolves when the first attempt is decided (leading or standing by). */
  static async start(options: PostgresLeadershipOptions): Promise<PostgresLeadership> {
    const leadership = new PostgresLeadership(options);
    await new Promise<void>((decided) => {
      leadership.#stopped = leadership.#compete(decided);
    });
    return leadership;
  }

  get leading(): boolean {
    return this.#state.leading;
  }

  onChange(listener: (leading: boolean) => void): () => void {
    return this.#state.onChange(listener);
  }

  async release(): Promise<void> {
    this.#released = true;
    for (const wake of [...this.#sleepers]) wake();
    // Ending the session drops the lock (and aborts a standby's wait inside pg_advisory_lock).
    await this.#client?.end().catch(() => undefined);
    await this.#stopped;
    this.#state.set(false);
  }

  /** The backend pid of the lock's connection (tests end it to simulate a lost connection). */
  connectionPid(): number | null {
    return (this.#client as { processID?: number } | undefined)?.processID ?? null;
  }

  async #compete(decided: () => void): Promise<void> {
    while (!this.#released) {
      const client = new pg.Client({ connectionString: this.#options.url, application_name: this.#options.applicationName, keepAlive: true });
      const lost = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.on('end', () => resolve());
      });
      this.#client = client;
      try {
        await client.connect();
        await client.query('SET statement_timeout = 0');
        const key = [advisoryLockKeys.roles, this.role];
        const tried = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS got', key);
        if (tried.rows[0]?.got !== true) {
          decided();
          await client.query('SELECT pg_advisory_lock($1, hashtext($2))', key);
        }
        if (this.#released) break;
        this.#state.set(true);
        decided();
        const heartbeat = this.#heartbeat(client);
        heartbeat.catch(() => undefined); // a failed check ends the race below; after it, the client is ended anyway
        await Promise.race([lost, heartbeat]);
      } catch {
        // The connection failed (or was ended by release): stand by and compete again.
      } finally {
        this.#state.set(false);
        decided();
        await client.end().catch(() => undefined);
      }
      if (!this.#released) await this.#sleep(this.#options.retryMs ?? 1000);
    }
  }

  /** Resolves when a check of the connection fails (or the leadership is released). */
  async #heartbeat(client: pg.Client): Promise<void> {
    while (!this.#released) {
      await this.#sleep(this.#options.heartbeatMs ?? 5000);
      if (this.#released) return;
      await client.query('SELECT 1');
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      // The connection, not a timer, is what keeps a process with a leadership alive.
      timer.unref();
      this.#sleepers.add(done);
    });
  }
}
