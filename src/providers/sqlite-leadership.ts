import { join } from 'node:path';
import type { Leadership } from '../core/coordination.js';
import { LeadershipState } from './leadership-state.js';
import { WriteLock } from './write-lock.js';

/** The lock file of a role in a data folder: `leader-<role>.lock`. */
export function leadershipLockPath(dataDir: string, role: string): string {
  return join(dataDir, `leader-${role.replace(/[^a-z0-9-]/gi, '_')}.lock`);
}

/**
 * Leadership of a role among processes on one data folder, with the same O_EXCL lock file as the write lock
 * (pid and process start time inside): a lock whose process is gone — closed, crashed, killed — is stale and
 * the next try takes it over. A standby tries again every `retryMs`.
 */
export class SqliteLeadership implements Leadership {
  readonly role: string;
  readonly #lock: WriteLock;
  readonly #state = new LeadershipState();
  readonly #timer: NodeJS.Timeout;
  #released = false;

  constructor(dataDir: string, role: string, command: string, retryMs: number) {
    this.role = role;
    this.#lock = new WriteLock(leadershipLockPath(dataDir, role), command);
    this.#try();
    this.#timer = setInterval(() => this.#try(), retryMs);
    // A standby waiting for a role never keeps the process alive on its own.
    this.#timer.unref();
  }

  get leading(): boolean {
    return this.#state.leading;
  }

  onChange(listener: (leading: boolean) => void): () => void {
    return this.#state.onChange(listener);
  }

  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    clearInterval(this.#timer);
    this.#lock.release();
    this.#state.set(false);
  }

  #try(): void {
    if (this.#released || this.#lock.held) return;
    try {
      if (this.#lock.tryAcquire()) this.#state.set(true);
    } catch {
      // An unreadable folder now may be readable at the next try; until then this process stands by.
    }
  }
}
