import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** One start of one replica: its pid and when it started and ended (epoch ms; null while it runs). */
export interface ReplicaLife {
  replica: number;
  pid: number;
  startedAt: number;
  endedAt: number | null;
  /** SIGKILL when the soak killed it; null for a normal exit. */
  signal: NodeJS.Signals | null;
  exitCode: number | null;
}

export interface ReplicaFleetOptions {
  /** The project folder, where `src/main.ts` is. */
  root: string;
  /** How many replicas run at once. */
  size: number;
  /** The environment of replica `index` (0-based): the same database and feeds, its own Slack port. */
  environment: (index: number) => Record<string, string>;
  /** Where each replica's output goes (`replica-N.log`, appended across restarts). */
  logDir: string;
}

/**
 * N copies of the real bot process (`node --import tsx src/main.ts`, what `npm start` runs), each killable with
 * SIGKILL and restartable, with every start and end recorded so a soak can tell which process ran when.
 */
export class ReplicaFleet {
  readonly lives: ReplicaLife[] = [];
  readonly #options: ReplicaFleetOptions;
  readonly #children: Array<ChildProcess | null>;
  readonly #logs: WriteStream[];

  constructor(options: ReplicaFleetOptions) {
    this.#options = options;
    this.#children = Array.from({ length: options.size }, () => null);
    this.#logs = Array.from({ length: options.size }, (_, index) => createWriteStream(join(options.logDir, `replica-${index}.log`), { flags: 'a' }));
  }

  get size(): number {
    return this.#options.size;
  }

  /** Starts every replica that is not running. */
  startAll(): void {
    for (let index = 0; index < this.size; index += 1) if (!this.isRunning(index)) this.start(index);
  }

  /** Starts replica `index` (a new process; the old one must have ended). */
  start(index: number): ReplicaLife {
    if (this.isRunning(index)) throw new Error(`replica ${index} is already running`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: this.#options.root,
      env: this.#options.environment(index),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const life: ReplicaLife = { replica: index, pid: child.pid ?? 0, startedAt: Date.now(), endedAt: null, signal: null, exitCode: null };
    this.lives.push(life);
    const log = this.#logs[index];
    log?.write(`--- replica ${index} pid ${life.pid} started ${new Date(life.startedAt).toISOString()}\n`);
    child.stdout?.on('data', (chunk: Buffer) => log?.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => log?.write(chunk));
    child.on('exit', (code, signal) => {
      life.endedAt = Date.now();
      life.signal = signal;
      life.exitCode = code;
      log?.write(`--- replica ${index} pid ${life.pid} ended ${new Date(life.endedAt).toISOString()} (${signal ?? `code ${code}`})\n`);
      if (this.#children[index] === child) this.#children[index] = null;
    });
    this.#children[index] = child;
    return life;
  }

  isRunning(index: number): boolean {
    const child = this.#children[index];
    return child !== null && child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** The replicas running now. */
  running(): number[] {
    return Array.from({ length: this.size }, (_, index) => index).filter((index) => this.isRunning(index));
  }

  /** Kills replica `index` with SIGKILL (no clean-up of any kind runs) and resolves once it is gone. */
  async kill(index: number): Promise<void> {
    const child = this.#children[index];
    if (!child || !this.isRunning(index)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Replicas that ended on their own (not killed by the soak, not stopped): a crash worth reading the log for. */
  crashes(): ReplicaLife[] {
    return this.lives.filter((life) => life.endedAt !== null && life.signal === null && life.exitCode !== 0);
  }

  /** Stops every replica with SIGTERM (SIGKILL after `graceMs`), then closes the logs. */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.#children.map(async (child) => {
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
    await Promise.all(this.#logs.map((log) => new Promise<void>((resolve) => log.end(() => resolve()))));
  }
}
