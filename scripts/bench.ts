/**
 * `npm run bench -- --store postgres [--sizes 10000]` instead compares SQLite with PostgreSQL (bench-stores.ts) and
 * replaces only its own section of docs/benchmarks.md.
 * `npm run bench [-- --sizes 1000,10000 --repeat 3 --no-rtqa --langchain]`: speed and memory of storydesk on a
 * deterministic generated corpus (and the RealTime QA corpus when ../shared/data is present), compared in
 * the same run with exact search and, with --langchain (after `npm run research:install`), LangChain.js's
 * HNSWLib store (same embedder, same passages).
 * Prints a table and writes docs/benchmarks.md. Benchmarks live here, never as timed assertions in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STORE_SECTION_HEADING, runStoreComparison, writeStoreSection } from './bench-stores.js';
import { extractSection } from './lib/markdown-section.js';
import { median } from './lib/metrics.js';
import { runScriptForJson } from './lib/run-script.js';
import { sharedDataDir } from './lib/shared-data.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    /** Default 1000,10000; with --store postgres, 10000 (100000 works but takes hours on a small machine). */
    sizes: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'no-rtqa': { type: 'boolean', default: false },
    /** Also compare with LangChain.js's HNSWLib store (needs `npm run research:install`). */
    langchain: { type: 'boolean', default: false },
    /** `postgres`: compare SQLite with PostgreSQL + pgvector instead (DATABASE_URL, or a throwaway server). */
    store: { type: 'string' },
    /** Replica processes for the throughput comparison (against 1). */
    replicas: { type: 'string', default: '4' },
    'clients-per-replica': { type: 'string', default: '4' },
    'replica-seconds': { type: 'string', default: '20' },
    /** Skip the RealTime QA eval of each store. */
    'no-eval': { type: 'boolean', default: false },
    /** Cluster stories during the store comparison's ingest. */
    stories: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes ?? (values.store === 'postgres' ? '10000' : '1000,10000');

interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}
interface SizeResult {
  size: number;
  articles: number;
  passages: number;
  ingestArticlesPerSecond: Spread;
  ingestPassagesPerSecond: Spread;
  embedderPassagesPerSecond: Spread;
  embedderId: string;
  ask: Record<string, number>;
  search: Record<string, number>;
  ann: { recallAt10: number; recallAt10TieAware: number; tieEpsilon: number; qps: number; exactQps: number };
  peakRssMb: number;
  baselinePeakRssMb: number;
  diskMb: number;
  langchain: Record<string, number> | null;
  coldStartMs?: Spread;
  label?: string;
}

function runSize(args: string[]): SizeResult {
  return runScriptForJson<SizeResult>('scripts/bench-size.ts', args);
}

/** Process start to printed answer, through the CLI as a user runs it. */
function coldStart(dataDir: string, runs = 3): Spread {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ask', 'What happened with Northwind Robotics?', '--json', '--data', dataDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`cold start run failed: ${result.stderr}`);
    samples.push(performance.now() - started);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs };
}

const f = (value: number | undefined, digits = 1): string => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const spread = (value: Spread, digits = 1): string => `${f(value.median, digits)} (${f(value.min, digits)}–${f(value.max, digits)}, n=${value.runs})`;

/** The LangChain.js HNSWLib comparison, when the run measured it (`--langchain`). */
function langchainSection(results: SizeResult[]): string[] {
  return [
    '## Against LangChain.js HNSWLib (same embedder, same passages)',
    '',
    'LangChain path: `HNSWLib.fromDocuments` (embeds every passage, builds the index with hnswlib-node\'s defaults M 16, efConstruction 200) and `similaritySearch`; it leaves hnswlib `ef` at 10. Its build rate is the median over as many builds as our ingest runs.',
    '',
    '| corpus | ours ingest pass/s | LangChain build pass/s | ratio | ours search p50 ms | LangChain search p50 ms | ours ANN recall@10 strict / tie-aware | LangChain ANN recall@10 strict / tie-aware |',
    '|---|---|---|---|---|---|---|---|',
    ...results
      .filter((r) => r.langchain)
      .map((r) => {
        const lc = r.langchain ?? {};
        return `| ${r.label} | ${f(r.ingestPassagesPerSecond.median)} | ${f(lc.passagesPerSecond)} | ${f(r.ingestPassagesPerSecond.median / (lc.passagesPerSecond ?? Number.NaN), 2)}× | ${f(r.search.p50, 2)} | ${f(lc.searchP50, 2)} | ${f(r.ann.recallAt10, 4)} / ${f(r.ann.recallAt10TieAware, 4)} | ${f(lc.annRecallAt10, 4)} / ${f(lc.annRecallAt10TieAware, 4)} |`;
      }),
    '',
  ];
}

async function compareStores(): Promise<void> {
  const section = await runStoreComparison({
    sizes: sizes.split(',').map(Number).filter((n) => n > 0),
    replicas: Number(values.replicas),
    clientsPerReplica: Number(values['clients-per-replica']),
    replicaSeconds: Number(values['replica-seconds']),
    eval: !values['no-eval'],
    stories: values.stories,
    // Read here, once: the benchmark's own processes are told which database to use by argument.
    databaseUrl: process.env.DATABASE_URL || undefined,
    commandLine: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
  });
  writeStoreSection(section);
  console.log(section);
}

function main(): void {
  if (values.store !== undefined && values.store !== 'sqlite') {
    if (values.store !== 'postgres') throw new Error(`--store must be sqlite or postgres, not ${values.store}`);
    compareStores().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
    return;
  }
  const results: SizeResult[] = [];
  const langchainFlag = values.langchain ? ['--langchain'] : [];
  for (const size of sizes.split(',').map(Number).filter((n) => n > 0)) {
    console.error(`bench: ${size} generated articles…`);
    const result = runSize(['--size', String(size), '--repeat', values.repeat, ...langchainFlag]);
    result.coldStartMs = coldStart(join(ROOT, '.bench', `generated-${size}`, `data-${Number(values.repeat) - 1}`));
    result.label = `generated ${size}`;
    results.push(result);
  }
  const dataDir = sharedDataDir();
  if (!values['no-rtqa'] && dataDir && existsSync(join(dataDir, 'rtqa_corpus.jsonl'))) {
    console.error('bench: RealTime QA corpus…');
    const result = runSize(['--size', '0', '--repeat', '1', '--corpus', join(dataDir, 'rtqa_corpus.jsonl'), ...langchainFlag]);
    result.label = 'RealTime QA corpus';
    results.push(result);
  } else if (!values['no-rtqa']) {
    console.error('bench: RealTime QA corpus skipped — ../shared/data is not present.');
  }

  const lines = [
    '# Benchmarks',
    '',
    `Run on ${new Date().toISOString()} by \`npm run bench -- --sizes ${sizes} --repeat ${values.repeat}\`.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}.`,
    `Embedder: ${results[0]?.embedderId ?? '–'}. Figures are medians over repeated runs with (min–max, n runs); latencies are warm, over ${'200'} questions.`,
    '',
    '| corpus | articles | passages | ingest art/s | ingest pass/s | embedder pass/s | ask p50/p95/p99 ms | search p50/p95 ms | cold start ms | ANN recall@10 strict / tie-aware | ANN QPS / exact QPS | peak RSS MB storydesk (baselines) | disk MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.articles} | ${r.passages} | ${spread(r.ingestArticlesPerSecond)} | ${spread(r.ingestPassagesPerSecond)} | ${spread(r.embedderPassagesPerSecond)} | ${f(r.ask.p50)}/${f(r.ask.p95)}/${f(r.ask.p99)} | ${f(r.search.p50)}/${f(r.search.p95)} | ${r.coldStartMs ? spread(r.coldStartMs, 0) : '–'} | ${f(r.ann.recallAt10, 4)} / ${f(r.ann.recallAt10TieAware, 4)} | ${f(r.ann.qps, 0)} / ${f(r.ann.exactQps, 0)} (${f(r.ann.qps / r.ann.exactQps, 1)}×) | ${f(r.peakRssMb, 0)} (${f(r.baselinePeakRssMb, 0)}) | ${f(r.diskMb, 1)} |`,
    ),
    '',
    ...(results.some((r) => r.langchain) ? langchainSection(results) : []),
    'ANN recall@10 is measured against exact search on the same stored vectors over the benchmark questions. *Strict* counts the exact top-10 ids that were returned; *tie-aware* counts a returned passage whose true cosine distance is within 1e-3 of the 10th exact distance, as ann-benchmarks does (the generated corpus repeats filler sentences, so several passages can be equally near and strict recall counts an equally good answer as a miss). Exact search is a single-threaded scan that keeps the best 10.',
    '',
    'Peak RSS of storydesk is the highest peak of a process that ingests the corpus into an empty folder and then answers the benchmark questions (each run is its own process, with its worker thread). The baselines (exact search over a matrix of every vector, our index loaded to measure its recall, and LangChain\'s store) run afterwards in a process of their own; its peak is in brackets and is not storydesk\'s.',
    '',
    'Ingest on our side includes parsing, cleaning, sentence splitting, chunking, SQLite/FTS5 writes and the hnswlib index; the LangChain side is embedding and index building only. Our search is hybrid (BM25 + vectors + fusion); LangChain\'s is vector-only.',
    '',
  ];
  // The SQLite-vs-PostgreSQL comparison is written by its own run (--store postgres): keep it.
  const benchmarksFile = join(ROOT, 'docs', 'benchmarks.md');
  const storeSection = existsSync(benchmarksFile) ? extractSection(readFileSync(benchmarksFile, 'utf8'), STORE_SECTION_HEADING) : '';
  if (storeSection) lines.push(storeSection, '');
  const markdown = lines.join('\n');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown);
  console.log(markdown);
}

main();
