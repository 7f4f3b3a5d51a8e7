import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { StorydeskError } from '../core/errors.js';

/** Who holds a data folder's write lock, as recorded in the lock file. */
const holderSchema = z.object({
  pid: z.number().int().positive(),
  /** Process start time from /proc (clock ticks since boot), so a reused pid is not mistaken for the holder. */
  startTicks: z.string().nullable(),
  host: z.string(),
  command: z.string(),
  since: z.string(),
  token: z.string(),
});

export type WriteLockHolder = z.infer<typeof holderSchema>;

/** Options for {@link WriteLock.acquire}. */
export interface AcquireOptions {
  /** Queue behind the holder (poll until it is gone) instead of throwing `STORE_LOCKED`. @default false */
  wait?: boolean;
  /** Called once when the lock is busy and `wait` is set, with the holder, so a user sees why nothing happens. */
  onWait?: (holder: WriteLockHolder) => void;
}

const pollMs = 200;
/** A breaker file older than this was left by a process that died while breaking a stale lock. */
const staleBreakerMs = 10_000;

/**
 * One writer at a time per data folder, across processes: an O_EXCL lock file holding the holder's pid,
 * process start time and command. A lock whose process is gone (killed, crashed) is stale and taken over.
 * Not re-entrant across objects: one `WriteLock` per process and folder is expected.
 */
export class WriteLock {
  readonly path: string;
  readonly #command: string;
  #token: string | null = null;
  readonly #releaseOnExit = (): void => this.release();

  constructor(path: string, command: string) {
    this.path = path;
    this.#command = command;
  }

  /** True while this object holds the lock. */
  get held(): boolean {
    return this.#token !== null;
  }

  /** The current holder, or null when the lock is free (or its file is unreadable). */
  holder(): WriteLockHolder | null {
    try {
      const parsed = holderSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Takes the lock without waiting; false when another live process holds it. */
  tryAcquire(): boolean {
    if (this.#token !== null) return true;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (this.#create()) return true;
      if (!this.#breakIfStale()) return false;
    }
    return false;
  }

  /** Takes the lock; throws `STORE_LOCKED` naming the holder unless `wait` is set. */
  async acquire(options: AcquireOptions = {}): Promise<void> {
    let told = false;
    while (!this.tryAcquire()) {
      const holder = this.holder();
      if (!options.wait) throw new StorydeskError('STORE_LOCKED', lockedMessage(this.path, holder));
      if (!told && holder !== null) {
        options.onWait?.(holder);
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Gives the lock up; a no-op when not held. Removes the file only if it is still ours. */
  release(): void {
    if (this.#token === null) return;
    const token = this.#token;
    this.#token = null;
    process.off('exit', this.#releaseOnExit);
    if (this.holder()?.token === token) unlinkSync(this.path);
  }

  #create(): boolean {
    const holder: WriteLockHolder = {
      pid: process.pid,
      startTicks: processStartTicks(process.pid),
      host: hostname(),
      command: this.#command,
      since: new Date().toISOString(),
      token: randomUUID(),
    };
    let descriptor: number;
    try {
      descriptor = openSync(this.path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      writeSync(descriptor, `${JSON.stringify(holder)}\n`);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    this.#token = holder.token;
    // A process that exits normally (even on an uncaught error) leaves no lock behind; a SIGKILL leaves a stale one.
    process.on('exit', this.#releaseOnExit);
    return true;
  }

  /**
   * Removes the lock file when its holder is dead; true when it was removed (or vanished), so the caller may
   * retry. A second O_EXCL file makes the check-then-remove atomic between two processes breaking at once.
   */
  #breakIfStale(): boolean {
    const before = this.holder();
    if (before !== null && isAlive(before)) return false;
    if (before === null && !fileOlderThan(this.path, 2_000)) return false; // being written right now
    const breaker = `${this.path}.break`;
    if (fileOlderThan(breaker, staleBreakerMs)) removeQuietly(breaker);
    let descriptor: number;
    try {
      descriptor = openSync(breaker, 'wx');
    } catch {
      return false;
    }
    closeSync(descriptor);
    try {
      const now = this.holder();
      // Only the very lock judged stale is removed, never one another process took in between.
      if ((now === null && before === null) || (now !== null && before !== null && now.token === before.token)) removeQuietly(this.path);
    } finally {
      removeQuietly(breaker);
    }
    return true;
  }
}

/** The one-line message a user sees when the folder is busy. */
export function lockedMessage(path: string, holder: WriteLockHolder | null): string {
  const who = holder === null ? 'another process' : `pid ${holder.pid} (${holder.command}, since ${holder.since.slice(11, 19)} UTC)`;
  return `Another storydesk process is writing to this data folder: ${who}. Wait for it to finish, or pass --wait to queue behind it (lock file ${path}).`;
}

function isAlive(holder: WriteLockHolder): boolean {
  // Another machine's process cannot be probed (a shared network folder): trust the lock.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const ticks = processStartTicks(holder.pid);
  return ticks === null || holder.startTicks === null || ticks === holder.startTicks;
}

/** Field 22 of /proc/PID/stat (the process start time); null where there is no /proc. */
function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after its closing parenthesis are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function fileOlderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
