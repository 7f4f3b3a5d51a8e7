import type { ProcessTreeMemory } from './process-memory.js';
import type { PostgresSizes } from './postgres-sizes.js';
import type { ThroughputResult } from './replica-throughput.js';

export type StoreName = 'sqlite' | 'postgres';

/** Everything measured for one store at one corpus size. */
export interface StoreSizeResult {
  store: StoreName;
  size: number;
  articles: number;
  passages: number;
  ingestArticlesPerSecond: number;
  ingestPassagesPerSecond: number;
  search: { p50: number; p95: number };
  ask: { p50: number; p95: number };
  ann: { recallAt10: number; recallAt10TieAware: number; qps: number };
  /** Peak RSS of the storydesk process that ingested and then asked, MB. */
  peakRssMb: number;
  /** Peak PSS/RSS sums of the PostgreSQL server's processes while that process ran (postgres only, local server only). */
  serverIngestAsk: ProcessTreeMemory | null;
  /** The data folder (SQLite), MB. */
  diskMb: number | null;
  postgresSizes: PostgresSizes | null;
  replicas: ThroughputResult[];
  /** Peak of the server's processes during the 4-replica run. */
  serverReplicas: ProcessTreeMemory | null;
}

export interface EvalResult {
  store: StoreName;
  mrrAll: number;
  mrrDev: number;
  askP50: number;
  askP95: number;
  seconds: number;
}

const f = (value: number | undefined | null, digits = 1): string => (value === undefined || value === null || Number.isNaN(value) ? '–' : value.toFixed(digits));
const label = (store: StoreName): string => (store === 'sqlite' ? 'SQLite + hnswlib' : 'PostgreSQL + pgvector');

function disk(result: StoreSizeResult): string {
  const sizes = result.postgresSizes;
  if (!sizes) return f(result.diskMb);
  return `${f(sizes.databaseMb)} (tables ${f(sizes.tablesMb)}, indexes ${f(sizes.indexesMb)}: HNSW ${f(sizes.hnswMb)}, GIN ${f(sizes.ginMb)})`;
}

function serverMemory(memory: ProcessTreeMemory | null): string {
  return memory ? `${f(memory.pssMb, 0)} (${f(memory.rssMb, 0)}, ${memory.processes} proc.)` : '–';
}

function throughput(result: StoreSizeResult): string[] {
  const one = result.replicas.find((run) => run.replicas === 1);
  const many = result.replicas.find((run) => run.replicas > 1);
  return [
    one ? `${f(one.asksPerSecond)} (p50 ${f(one.p50, 0)} ms)` : '–',
    many ? `${f(many.asksPerSecond)} (p50 ${f(many.p50, 0)} ms)` : '–',
    one && many ? `${f(many.asksPerSecond / one.asksPerSecond, 2)}×` : '–',
    many ? many.peakRssMb.map((mb) => f(mb, 0)).join(', ') : '–',
  ];
}

/** The markdown tables of a SQLite-vs-PostgreSQL run (the section's body, without its heading). */
export function storeComparisonTables(results: StoreSizeResult[], evals: EvalResult[]): string[] {
  const replicaCount = results.flatMap((result) => result.replicas).find((run) => run.replicas > 1)?.replicas ?? 4;
  return [
    '| corpus | store | articles | passages | ingest art/s | ingest pass/s | search p50/p95 ms | ask p50/p95 ms | ANN recall@10 strict / tie-aware | ANN QPS | disk MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| generated ${r.size} | ${label(r.store)} | ${r.articles} | ${r.passages} | ${f(r.ingestArticlesPerSecond)} | ${f(r.ingestPassagesPerSecond)} | ${f(r.search.p50)}/${f(r.search.p95)} | ${f(r.ask.p50)}/${f(r.ask.p95)} | ${f(r.ann.recallAt10, 4)} / ${f(r.ann.recallAt10TieAware, 4)} | ${f(r.ann.qps, 0)} | ${disk(r)} |`,
    ),
    '',
    `| corpus | store | peak RSS MB storydesk (ingest + ask) | server peak PSS MB (RSS), ingest + ask | asks/s, 1 replica | asks/s, ${replicaCount} replicas | ${replicaCount} ÷ 1 | peak RSS MB of each replica | server peak PSS MB (RSS), ${replicaCount} replicas |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| generated ${r.size} | ${label(r.store)} | ${f(r.peakRssMb, 0)} | ${serverMemory(r.serverIngestAsk)} | ${throughput(r).join(' | ')} | ${serverMemory(r.serverReplicas)} |`,
    ),
    '',
    ...(evals.length > 0
      ? [
          '| eval (RealTime QA dev, `npm run eval -- --no-stories`) | hybrid MRR@10 (all answerable) | hybrid MRR@10 (dev split) | ask p50/p95 ms | eval wall time s |',
          '|---|---|---|---|---|',
          ...evals.map((e) => `| ${label(e.store)} | ${f(e.mrrAll, 3)} | ${f(e.mrrDev, 3)} | ${f(e.askP50)}/${f(e.askP95)} | ${f(e.seconds, 0)} |`),
          '',
        ]
      : []),
  ];
}
