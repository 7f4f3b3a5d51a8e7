import type { ReplicaFleet } from './replica-fleet.js';
import { socketOwner } from './socket-owner.js';

/**
 * Names the replica behind each request a fake server recorded (`r2/pid 1234`), by looking up the client end of
 * its connection in /proc while the connection is still open (keep-alive holds it a few seconds). Requests whose
 * connection closed before the look-up stay unnamed.
 */
export class FetchAttribution {
  readonly #requests: ReadonlyArray<{ clientPort: number }>;
  readonly #fleet: ReplicaFleet;
  readonly #labels: Array<string | undefined> = [];
  #timer: NodeJS.Timeout | null = null;
  #busy = false;

  constructor(requests: ReadonlyArray<{ clientPort: number }>, fleet: ReplicaFleet) {
    this.#requests = requests;
    this.#fleet = fleet;
  }

  start(everyMs = 250): void {
    this.#timer = setInterval(() => void this.#resolveNew(), everyMs);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** The replica that made request `index`, or undefined when it could not be told. */
  labelOf(index: number): string | undefined {
    return this.#labels[index];
  }

  async #resolveNew(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      const lives = this.#fleet.lives.filter((life) => life.endedAt === null);
      const byPort = new Map<number, string | undefined>();
      for (let index = this.#labels.length; index < this.#requests.length; index += 1) {
        const port = this.#requests[index]?.clientPort ?? 0;
        if (!byPort.has(port)) {
          const pid = await socketOwner(port, lives.map((life) => life.pid));
          const life = lives.find((candidate) => candidate.pid === pid);
          byPort.set(port, life ? `r${life.replica}/pid ${life.pid}` : undefined);
        }
        this.#labels[index] = byPort.get(port);
      }
    } finally {
      this.#busy = false;
    }
  }
}
