/**
 * One benchmark size. Each storydesk run (ingest into an empty folder, then warm asks) is its own process
 * (bench-ours.ts), so its peak RSS is what a user's process reaches; the baselines (exact search and
 * LangChain's HNSWLib) run afterwards in another process (bench-baselines.ts) and report their peak apart.
 * Prints one JSON object.
 * Usage: tsx scripts/bench-size.ts --size 1000 [--repeat 3] [--corpus FILE.jsonl] [--langchain] [--work DIR]
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './lib/generate-corpus.js';
import { median } from './lib/metrics.js';
import type { PhaseMemoryRecord } from './lib/phase-memory.js';
import { questionsFor } from './lib/questions-for-generated.js';
import { runScriptForJson } from './lib/run-script.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    questions: { type: 'string', default: '200' },
    /** Also build LangChain.js's HNSWLib store (needs `npm run research:install`). */
    langchain: { type: 'boolean', default: false },
    /** Where the stores go instead of .bench/ (so a side experiment never clobbers a running bench). */
    work: { type: 'string' },
  },
});
const size = Number(values.size);
const repeat = Number(values.repeat);
const work = values.work ? resolve(values.work) : join(ROOT, '.bench', values.corpus ? 'external' : `generated-${size}`);

interface OursRun {
  articles: number;
  passages: number;
  added: number;
  ingestedPassages: number;
  ingestMs: number;
  embedderRates: number[];
  embedderId: string;
  ask: Record<string, number>;
  search: Record<string, number>;
  peakRssMb: number;
  memory: PhaseMemoryRecord[];
}
interface Baselines {
  ann: Record<string, number>;
  langchain: Record<string, number> | null;
  peakRssMb: number;
  memory: PhaseMemoryRecord[];
}

function directoryBytes(path: string): number {
  return readdirSync(path).reduce((sum, name) => sum + statSync(join(path, name)).size, 0);
}

function summary(samples: number[]): { median: number; min: number; max: number; runs: number } {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

function main(): void {
  mkdirSync(work, { recursive: true });
  let corpusFile = values.corpus ? resolve(values.corpus) : join(work, 'corpus.jsonl');
  const questionArgs: string[] = [];
  if (!values.corpus) {
    const articles = generateCorpus(size);
    writeFileSync(corpusFile, `${articles.map((article) => JSON.stringify(article)).join('\n')}\n`);
    const questionsFile = join(work, 'questions.json');
    writeFileSync(questionsFile, JSON.stringify(questionsFor(articles, Number(values.questions))));
    questionArgs.push('--questions', questionsFile);
  } else {
    questionArgs.push('--question-count', values.questions);
    corpusFile = resolve(corpusFile);
  }

  const runs: OursRun[] = [];
  for (let run = 0; run < repeat; run += 1) {
    runs.push(runScriptForJson<OursRun>('scripts/bench-ours.ts', ['--corpus', corpusFile, '--data', join(work, `data-${run}`), ...questionArgs]));
  }
  const last = runs.at(-1);
  if (!last) throw new Error('no run');
  const lastData = join(work, `data-${repeat - 1}`);
  const diskMb = directoryBytes(lastData) / (1024 * 1024);
  const baselines = runScriptForJson<Baselines>('scripts/bench-baselines.ts', [
    '--data',
    lastData,
    ...questionArgs,
    ...(values.langchain ? ['--langchain', '--langchain-runs', String(repeat)] : []),
  ]);

  console.log(
    JSON.stringify({
      size,
      articles: last.articles,
      passages: last.passages,
      ingestArticlesPerSecond: summary(runs.map((run) => (run.added / run.ingestMs) * 1000)),
      ingestPassagesPerSecond: summary(runs.map((run) => (run.ingestedPassages / run.ingestMs) * 1000)),
      embedderPassagesPerSecond: summary(last.embedderRates),
      embedderId: last.embedderId,
      ask: last.ask,
      search: last.search,
      ann: baselines.ann,
      /** The highest peak RSS of a storydesk process (ingest + warm asks) over the runs. */
      peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
      peakRssMbRuns: runs.map((run) => run.peakRssMb),
      /** The baselines' process (exact-search matrix, our index loaded for recall, LangChain's store). */
      baselinePeakRssMb: baselines.peakRssMb,
      memory: { ours: last.memory, baselines: baselines.memory },
      diskMb,
      langchain: baselines.langchain,
    }),
  );
}

main();
