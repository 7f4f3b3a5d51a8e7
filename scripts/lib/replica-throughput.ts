import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');

/** What one replica process reports after its timed run. */
export interface ReplicaRun {
  asks: number;
  elapsedMs: number;
  p50: number;
  p95: number;
  peakRssMb: number;
}

/** Ask throughput of `replicas` processes serving one store at once, each with `clientsPerReplica` concurrent askers. */
export interface ThroughputResult {
  replicas: number;
  clientsPerReplica: number;
  asksPerSecond: number;
  p50: number;
  p95: number;
  /** Peak RSS of each replica process, MB. */
  peakRssMb: number[];
}

interface Started {
  ready: Promise<void>;
  result: Promise<ReplicaRun>;
  go(): void;
}

function startReplica(args: string[]): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/bench-replica.ts'), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((done) => {
    markReady = done;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') markReady();
    else lines.push(line);
  });
  const result = new Promise<ReplicaRun>((done, fail) => {
    child.once('exit', (code) => {
      if (code !== 0) fail(new Error(`replica exited with code ${code}`));
      else done(JSON.parse(lines.at(-1) ?? '{}') as ReplicaRun);
    });
  });
  result.catch(() => markReady()); // a replica that dies before `ready` must not hang the others
  return { ready, result, go: () => child.stdin.end('go\n') };
}

/**
 * Starts `replicas` replica processes on the same store, waits until every one has opened and warmed up, starts
 * them together and sums their asks over the same fixed time. `storeArgs` is `--data DIR` or `--database-url URL`.
 */
export async function measureReplicaThroughput(options: {
  replicas: number;
  clientsPerReplica: number;
  seconds: number;
  questionsFile: string;
  storeArgs: string[];
}): Promise<ThroughputResult> {
  const started = Array.from({ length: options.replicas }, (_, index) =>
    startReplica([
      '--questions',
      options.questionsFile,
      '--clients',
      String(options.clientsPerReplica),
      '--seconds',
      String(options.seconds),
      '--offset',
      String(index * 37),
      ...options.storeArgs,
    ]),
  );
  await Promise.all(started.map((replica) => replica.ready));
  for (const replica of started) replica.go();
  const runs = await Promise.all(started.map((replica) => replica.result));
  const asks = runs.reduce((sum, run) => sum + run.asks, 0);
  const longestMs = Math.max(...runs.map((run) => run.elapsedMs));
  return {
    replicas: options.replicas,
    clientsPerReplica: options.clientsPerReplica,
    asksPerSecond: (asks / longestMs) * 1000,
    // Medians of the replicas' own percentiles: each replica saw the same load.
    p50: runs.map((run) => run.p50).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN,
    p95: Math.max(...runs.map((run) => run.p95)),
    peakRssMb: runs.map((run) => run.peakRssMb),
  };
}
