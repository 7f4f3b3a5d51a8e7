import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningProcess, startProcess } from '../../helpers/run-cli.js';

const entry = 'test/scheduler/replicas/replica-process.ts';

/** A replica process (replica-process.ts) and what it has said so far. */
export interface Replica {
  owner: string;
  process: RunningProcess;
  /** The ticks it has finished. */
  ticks(): number;
  said(line: string): boolean;
}

/** Starts a replica with the given environment (REPLICA_MODE, DATABASE_URL, ...). */
export function startReplica(owner: string, environment: Record<string, string>): Replica {
  const process = startProcess([], { ...environment, REPLICA_OWNER: owner }, entry);
  return {
    owner,
    process,
    ticks: () => process.output().stdout.split('\n').filter((line) => line.startsWith('tick ')).length,
    said: (line) => process.output().stdout.split('\n').includes(line),
  };
}

/** Stops replicas (SIGTERM) and waits for them to exit. */
export async function stopReplicas(replicas: Replica[]): Promise<void> {
  for (const replica of replicas) if (replica.process.child.exitCode === null && replica.process.child.signalCode === null) replica.process.child.kill('SIGTERM');
  await Promise.all(replicas.map((replica) => replica.process.exited));
}

/**
 * Resolves once `check` holds (checked every 50 ms); rejects after `timeoutMs`, with what it waited for and the
 * replicas' error output (a replica that crashed says why).
 */
export async function waitFor(what: string, check: () => boolean, replicas: Replica[], timeoutMs = 25_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) {
      const errors = replicas.map((replica) => `${replica.owner}: ${replica.process.output().stderr.slice(-800)}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An HTTP server on 127.0.0.1 that records every request (path, headers, body, arrival time). */
export class RecordingServer {
  readonly requests: { path: string; headers: IncomingMessage['headers']; body: string; at: number }[] = [];
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts the server; `answer` writes each response (after the request is recorded). */
  static async start(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<RecordingServer> {
    let instance: RecordingServer | undefined;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        instance?.requests.push({ path: request.url ?? '/', headers: request.headers, body, at: Date.now() });
        answer(request, response);
      });
    });
    instance = new RecordingServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
