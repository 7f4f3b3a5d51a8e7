/**
 * One storydesk run, as a user's process does it, in a fresh process: ingest a corpus into an empty data
 * folder, then warm `ask` and `search` latencies and the embedder alone. Its peak RSS is the product's peak
 * (ingest + ask); the baselines are measured elsewhere (bench-baselines.ts). Prints one JSON object.
 * Usage: tsx scripts/bench-ours.ts --corpus FILE.jsonl --data DIR [--questions FILE.json] [--question-count 200]
 */
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import type { Storydesk } from '../src/app/storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { percentile } from './lib/metrics.js';
import { PhaseMemory } from './lib/phase-memory.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    data: { type: 'string' },
    /** A JSON array of question texts; without it, the titles of the first stored articles. */
    questions: { type: 'string' },
    'question-count': { type: 'string', default: '200' },
  },
});

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await task();
  return { value, ms: performance.now() - started };
}

function questionsOf(storydesk: Storydesk): string[] {
  if (values.questions) return JSON.parse(readFileSync(values.questions, 'utf8')) as string[];
  return storydesk.store
    .listArticleRefs()
    .slice(0, Number(values['question-count']))
    .map((ref) => storydesk.store.getArticle(ref.id)?.title ?? 'news');
}

async function main(): Promise<void> {
  if (!values.corpus || !values.data) throw new Error('usage: bench-ours.ts --corpus FILE.jsonl --data DIR');
  const memory = new PhaseMemory();
  const dataDir = resolve(values.data);
  rmSync(dataDir, { recursive: true, force: true });
  const storydesk = await openStorydesk({ dataDir, env: loadConfig({}), logger: createLogger('warn') });
  memory.mark('open');
  const ingest = await timed(() => storydesk.ingest([resolve(values.corpus as string)]));
  memory.mark('ingest');

  const questions = questionsOf(storydesk);
  // Warm latencies: one untimed pass first so caches and JIT are warm.
  for (const question of questions.slice(0, 10)) await storydesk.ask(question);
  const askMs: number[] = [];
  const searchMs: number[] = [];
  for (const question of questions) {
    askMs.push((await timed(() => storydesk.ask(question))).ms);
    searchMs.push((await timed(() => storydesk.search(question, { k: 10 }))).ms);
  }
  memory.mark('ask and search');

  // The embedder alone, on real passages.
  const sampleTexts = storydesk.store.getPassages(storydesk.store.passageIds().slice(0, 2000)).map((passage) => passage.text);
  const embedderRates: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const { ms } = await timed(() => storydesk.embedder.embedDocuments(sampleTexts));
    embedderRates.push((sampleTexts.length / ms) * 1000);
  }
  memory.mark('embedder alone');
  const counts = storydesk.store.counts();
  storydesk.close();

  console.log(
    JSON.stringify({
      articles: counts.articles,
      passages: counts.passages,
      added: ingest.value.added,
      ingestedPassages: ingest.value.passages,
      ingestMs: ingest.ms,
      embedderRates,
      embedderId: storydesk.embedder.id,
      ask: { p50: percentile(askMs, 50), p95: percentile(askMs, 95), p99: percentile(askMs, 99), min: Math.min(...askMs), max: Math.max(...askMs) },
      search: { p50: percentile(searchMs, 50), p95: percentile(searchMs, 95), p99: percentile(searchMs, 99) },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      memory: memory.records,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
