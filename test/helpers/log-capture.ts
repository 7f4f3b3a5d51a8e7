import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import { waitUntil } from '../fakes/wait-until.js';

/** A pino logger at debug level whose records a test can read and wait for. */
export class LogCapture {
  readonly records: { msg: string; [key: string]: unknown }[] = [];
  readonly logger: Logger;
  readonly #events = new EventEmitter();

  constructor() {
    this.#events.setMaxListeners(0);
    this.logger = pino(
      { level: 'debug', base: null },
      {
        write: (line: string) => {
          this.records.push(JSON.parse(line) as { msg: string });
          this.#events.emit('record');
        },
      },
    );
  }

  /** Records whose message contains `text`. */
  count(text: string): number {
    return this.records.filter((record) => record.msg.includes(text)).length;
  }

  /** Resolves once `check` holds, re-checking on every record. */
  until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
    return waitUntil(this.#events, 'record', 'Log capture', what, check, timeoutMs);
  }
}
