import pg from 'pg';
import { ChangeListeners } from '../change-listeners.js';

/** The one NOTIFY channel storydesk uses; the payload names the topic and the process that sent it. */
const CHANNEL = 'storydesk_changes';

interface Notice {
  topic: string;
  origin: string;
}

/**
 * Change notices with LISTEN/NOTIFY. Listening needs a dedicated connection (a pooled one would be handed to
 * other work, and PgBouncer in transaction mode cannot LISTEN at all); it is opened on the first `listen` and
 * reopened when lost, after which every listener is called, since notices sent meanwhile were missed.
 */
export class PostgresChangeNotices {
  readonly #url: string;
  readonly #pool: pg.Pool;
  readonly #origin: string;
  readonly #applicationName: string;
  readonly #retryMs: number;
  readonly #listeners = new ChangeListeners();
  #connected: Promise<void> | undefined;
  #client: pg.Client | undefined;
  #closed = false;

  constructor(options: { url: string; pool: pg.Pool; origin: string; applicationName: string; retryMs?: number }) {
    this.#url = options.url;
    this.#pool = options.pool;
    this.#origin = options.origin;
    this.#applicationName = options.applicationName;
    this.#retryMs = options.retryMs ?? 1000;
  }

  async listen(topic: string, listener: () => void): Promise<() => void> {
    const unsubscribe = this.#listeners.add(topic, listener);
    try {
      this.#connected ??= this.#connect();
      await this.#connected;
    } catch (error) {
      unsubscribe();
      this.#connected = undefined;
      throw error;
    }
    return unsubscribe;
  }

  async notify(topic: string): Promise<void> {
    const notice: Notice = { topic, origin: this.#origin };
    await this.#pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(notice)]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => undefined);
  }

  /** The backend pid of the listening connection (tests end it to simulate a lost connection). */
  connectionPid(): number | null {
    return (this.#client as { processID?: number } | undefined)?.processID ?? null;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, application_name: this.#applicationName, keepAlive: true });
    client.on('notification', (message) => this.#receive(message.payload));
    let listening = false;
    let lostOnce = false;
    const onLost = (): void => {
      if (lostOnce) return;
      lostOnce = true;
      client.end().catch(() => undefined);
      // A connection that never listened failed its attempt: the caller of that attempt retries, not this.
      if (listening && !this.#closed) void this.#reconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    this.#client = client;
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listening = true;
  }

  async #reconnect(): Promise<void> {
    while (!this.#closed) {
      await new Promise((resolve) => setTimeout(resolve, this.#retryMs).unref());
      if (this.#closed) return;
      try {
        this.#connected = this.#connect();
        await this.#connected;
        // Whatever changed while the connection was down went unannounced: every listener reloads.
        this.#listeners.emitAll();
        return;
      } catch {
        // Still unreachable: the 'error'/'end' of that attempt does not retry, this loop does.
      }
    }
  }

  #receive(payload: string | undefined): void {
    let notice: Notice;
    try {
      notice = JSON.parse(payload ?? '') as Notice;
    } catch {
      return;
    }
    if (notice.origin !== this.#origin && typeof notice.topic === 'string') this.#listeners.emit(notice.topic);
  }
}
