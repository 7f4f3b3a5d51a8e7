/**
 * `npm run bench -- --store postgres [--sizes 10000] [--replicas 4] [--replica-seconds 20] [--no-eval]`: SQLite +
 * hnswlib against PostgreSQL + pgvector in the same run, on the generated corpus of `npm run bench`. For each
 * size and store, in fresh processes: ingest then warm asks and searches (bench-ours.ts), ANN recall@10 against
 * exact search on the stored vectors (bench-baselines.ts), disk, and the ask throughput of 1 and N replica
 * processes sharing the store (bench-replica.ts); then the RealTime QA eval on each store. The PostgreSQL
 * server is a throwaway one started here (scripts/lib/throwaway-postgres.ts) unless DATABASE_URL is set: then
 * that server must let the user create databases (storydesk_bench_*), which are dropped at the end, and the
 * server's memory is not measured (it may be on another machine).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { withDatabase } from './lib/database-url.js';
import { parseEvalFigures } from './lib/eval-figures.js';
import { generateCorpus } from './lib/generate-corpus.js';
import { replaceSection } from './lib/markdown-section.js';
import { PeakTreeMemory, type ProcessTreeMemory } from './lib/process-memory.js';
import { createFreshDatabase, dropDatabase, postgresSizes } from './lib/postgres-sizes.js';
import { questionsFor } from './lib/questions-for-generated.js';
import { measureReplicaThroughput } from './lib/replica-throughput.js';
import { runScriptAsync, runScriptForJsonAsync } from './lib/run-script.js';
import { sharedDataDir } from './lib/shared-data.js';
import { type EvalResult, type StoreName, type StoreSizeResult, storeComparisonTables } from './lib/store-comparison-report.js';
import { startThrowawayPostgres } from './lib/throwaway-postgres.js';

const ROOT = resolve(import.meta.dirname, '..');
export const STORE_SECTION_HEADING = '## SQLite and PostgreSQL compared';

export interface StoreComparisonOptions {
  sizes: number[];
  replicas: number;
  clientsPerReplica: number;
  replicaSeconds: number;
  eval: boolean;
  /** Cluster articles into stories during ingest (both stores). */
  stories: boolean;
  /** A server to use instead of a throwaway one (a URL whose user may create databases). */
  databaseUrl: string | undefined;
  commandLine: string;
}

interface OursRun {
  articles: number;
  passages: number;
  added: number;
  ingestedPassages: number;
  ingestMs: number;
  ask: { p50: number; p95: number };
  search: { p50: number; p95: number };
  peakRssMb: number;
}
interface Baselines {
  ann: { recallAt10: number; recallAt10TieAware: number; qps: number };
}

/** Runs `task` while sampling the server's memory (when it runs here); returns both. */
async function withServerMemory<T>(serverPid: number | undefined, task: () => Promise<T>): Promise<{ value: T; server: ProcessTreeMemory | null }> {
  const sampler = serverPid ? new PeakTreeMemory(serverPid) : null;
  try {
    const value = await task();
    return { value, server: sampler?.stop() ?? null };
  } finally {
    sampler?.stop();
  }
}

function directoryMb(path: string): number {
  return readdirSync(path).reduce((sum, name) => sum + statSync(join(path, name)).size, 0) / 2 ** 20;
}

async function measureStore(store: StoreName, size: number, work: string, server: { adminUrl: string; pid: number | undefined }, options: StoreComparisonOptions): Promise<StoreSizeResult> {
  const corpusFile = join(work, 'corpus.jsonl');
  const questionsFile = join(work, 'questions.json');
  const dataDir = join(work, `data-${store}`);
  const databaseUrl = store === 'postgres' ? withDatabase(server.adminUrl, `storydesk_bench_${size}`) : undefined;
  if (databaseUrl) await createFreshDatabase(server.adminUrl, `storydesk_bench_${size}`);
  const storeArgs = databaseUrl ? ['--database-url', databaseUrl] : ['--data', dataDir];
  console.error(`bench: ${store}, ${size} articles: ingest, then warm asks and searches…`);
  const ours = await withServerMemory(databaseUrl ? server.pid : undefined, () =>
    runScriptForJsonAsync<OursRun>('scripts/bench-ours.ts', ['--corpus', corpusFile, '--data', dataDir, '--questions', questionsFile, ...storeArgs, ...(options.stories ? [] : ['--no-stories'])]),
  );
  console.error(`bench: ${store}, ${size} articles: ANN recall against exact search…`);
  const baselines = await runScriptForJsonAsync<Baselines>('scripts/bench-baselines.ts', ['--data', dataDir, '--questions', questionsFile, ...storeArgs]);
  const replicas = [];
  let serverReplicas: ProcessTreeMemory | null = null;
  for (const count of [1, options.replicas]) {
    console.error(`bench: ${store}, ${size} articles: ask throughput of ${count} replica(s) for ${options.replicaSeconds} s…`);
    const run = await withServerMemory(databaseUrl ? server.pid : undefined, () =>
      measureReplicaThroughput({ replicas: count, clientsPerReplica: options.clientsPerReplica, seconds: options.replicaSeconds, questionsFile, storeArgs }),
    );
    replicas.push(run.value);
    if (count > 1) serverReplicas = run.server;
  }
  return {
    store,
    size,
    articles: ours.value.articles,
    passages: ours.value.passages,
    ingestArticlesPerSecond: (ours.value.added / ours.value.ingestMs) * 1000,
    ingestPassagesPerSecond: (ours.value.ingestedPassages / ours.value.ingestMs) * 1000,
    search: ours.value.search,
    ask: ours.value.ask,
    ann: baselines.ann,
    peakRssMb: ours.value.peakRssMb,
    serverIngestAsk: ours.server,
    diskMb: databaseUrl ? null : directoryMb(dataDir),
    postgresSizes: databaseUrl ? await postgresSizes(databaseUrl) : null,
    replicas,
    serverReplicas,
  };
}

/** `npm run eval -- --no-stories --no-docs` on one store, in its own process, as a user runs it. */
async function measureEval(store: StoreName, adminUrl: string): Promise<EvalResult> {
  const work = join(ROOT, '.bench', `eval-${store}`);
  rmSync(work, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  if (store === 'postgres') {
    await createFreshDatabase(adminUrl, 'storydesk_bench_eval');
    env.DATABASE_URL = withDatabase(adminUrl, 'storydesk_bench_eval');
  }
  console.error(`bench: eval on ${store}…`);
  const started = performance.now();
  try {
    const output = await runScriptAsync('scripts/eval.ts', ['--no-docs', '--no-stories', '--work', work], env);
    return { store, ...parseEvalFigures(output), seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    // The other figures are still worth writing: the table shows '–' for this store's eval.
    console.error(`bench: eval on ${store} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { store, mrrAll: Number.NaN, mrrDev: Number.NaN, askP50: Number.NaN, askP95: Number.NaN, seconds: (performance.now() - started) / 1000 };
  }
}

async function serverDescription(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const show = async (name: string): Promise<string> => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '?';
    const vector = await client.query<{ version: string }>("SELECT default_version AS version FROM pg_available_extensions WHERE name = 'vector'");
    return `PostgreSQL ${await show('server_version')}, pgvector ${vector.rows[0]?.version ?? '?'}, shared_buffers ${await show('shared_buffers')}, maintenance_work_mem ${await show('maintenance_work_mem')}, fsync ${await show('fsync')}, synchronous_commit ${await show('synchronous_commit')}`;
  } finally {
    await client.end();
  }
}

export async function runStoreComparison(options: StoreComparisonOptions): Promise<string> {
  const throwaway = options.databaseUrl ? null : await startThrowawayPostgres();
  const adminUrl = options.databaseUrl ?? throwaway?.url ?? '';
  const server = { adminUrl, pid: throwaway?.pid };
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const serverText = await serverDescription(adminUrl);
    const results: StoreSizeResult[] = [];
    for (const size of options.sizes) {
      const work = join(ROOT, '.bench', `stores-${size}`);
      mkdirSync(work, { recursive: true });
      const articles = generateCorpus(size);
      writeFileSync(join(work, 'corpus.jsonl'), `${articles.map((article) => JSON.stringify(article)).join('\n')}\n`);
      writeFileSync(join(work, 'questions.json'), JSON.stringify(questionsFor(articles, 200)));
      for (const store of ['sqlite', 'postgres'] as const) {
        const result = await measureStore(store, size, work, server, options);
        // Kept as it comes: a later failure (a crashed child, a reinstalled node_modules) loses only what follows.
        writeFileSync(join(work, `result-${store}.json`), JSON.stringify(result));
        results.push(result);
      }
    }
    const evals: EvalResult[] = [];
    if (options.eval && sharedDataDir()) for (const store of ['sqlite', 'postgres'] as const) evals.push(await measureEval(store, adminUrl));
    else if (options.eval) console.error('bench: eval skipped — ../shared/data is not present.');
    const section = [
      STORE_SECTION_HEADING,
      '',
      `Run on ${new Date().toISOString()} by \`${options.commandLine}\`. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; load average ${loadBefore.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end. Server: ${options.databaseUrl ? 'the one DATABASE_URL names' : 'a throwaway local cluster'} (${serverText}), on the same machine and cores as storydesk. ${options.stories ? 'Ingest includes story clustering.' : 'Ingest without story clustering (`--no-stories`; answers never use it).'}`,
      '',
      ...storeComparisonTables(results, evals),
      `Each row's ingest, asks and searches run in one fresh process (200 questions; latencies warm, one at a time). ANN recall@10 compares each store's vector index with exact search over the same stored vectors (see above). Disk: the data folder for SQLite; \`pg_database_size\` for PostgreSQL (it includes ~7.5 MB an empty database already holds; the WAL is the server's and not counted). Server memory sums every PostgreSQL process's PSS from /proc (RSS, which counts shared_buffers once per process, in brackets), sampled every 250 ms. Replicas are separate processes on the same store (SQLite: readers of one data folder, each loading the hnswlib index; PostgreSQL: one database, a connection pool of STORYDESK_PG_POOL_SIZE (10) each), each with ${options.clientsPerReplica} concurrent askers for ${options.replicaSeconds} s, started together after warming up; p50 is the median replica's.`,
      '',
    ].join('\n');
    return section;
  } finally {
    if (options.databaseUrl) {
      for (const name of [...options.sizes.map((size) => `storydesk_bench_${size}`), 'storydesk_bench_eval']) await dropDatabase(options.databaseUrl, name).catch(() => undefined);
    }
    await throwaway?.stop();
  }
}

/** Writes the comparison into docs/benchmarks.md, replacing an earlier one and keeping everything else. */
export function writeStoreSection(section: string): void {
  const path = join(ROOT, 'docs', 'benchmarks.md');
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '# Benchmarks\n';
  }
  writeFileSync(path, replaceSection(current, STORE_SECTION_HEADING, section));
}
