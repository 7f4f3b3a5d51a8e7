/**
 * One storydesk run, as a user's process does it, in a fresh process: ingest a corpus into an empty data
 * folder, then warm `ask` and `search` latencies and the embedder alone. Its peak RSS is the product's peak
 * (ingest + ask); the baselines are measured elsewhere (bench-baselines.ts). Prints one JSON object.
 * Usage: tsx scripts/bench-ours.ts --corpus FILE.jsonl --data DIR [--questions FILE.json] [--question-count 200]
 *        [--database-url postgres://… (an empty database: PostgreSQL instead of SQLite in DIR)] [--no-stories]
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { benchmarkQuestions } from './lib/benchmark-questions.js';
import { percentile } from './lib/metrics.js';
import { PhaseMemory } from './lib/phase-memory.js';
import { timed } from './lib/timed.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    data: { type: 'string' },
    /** A JSON array of question texts; without it, the titles of the first stored articles. */
    questions: { type: 'string' },
    'question-count': { type: 'string', default: '200' },
    /** Store in this (empty) PostgreSQL database instead of SQLite + hnswlib in --data. */
    'database-url': { type: 'string' },
    /** Ingest without story clustering (questions never use it). */
    'no-stories': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  if (!values.corpus || !values.data) throw new Error('usage: bench-ours.ts --corpus FILE.jsonl --data DIR');
  const memory = new PhaseMemory();
  const dataDir = resolve(values.data);
  rmSync(dataDir, { recursive: true, force: true });
  const storydesk = await openStorydesk({
    dataDir,
    env: loadConfig({ DATABASE_URL: values['database-url'] }),
    logger: createLogger('warn'),
    ...(values['no-stories'] ? { stories: false } : {}),
  });
  memory.mark('open');
  const ingest = await timed(() => storydesk.ingest([resolve(values.corpus as string)]));
  memory.mark('ingest');

  const questions = await benchmarkQuestions(storydesk.store, values.questions, Number(values['question-count']));
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
  const samplePassageIds: number[] = [];
  for await (const { passageId } of storydesk.store.scanVectors()) {
    if (samplePassageIds.push(passageId) >= 2000) break;
  }
  const sampleTexts = (await storydesk.store.getPassages(samplePassageIds)).map((passage) => passage.text);
  const embedderRates: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const { ms } = await timed(() => storydesk.embedder.embedDocuments(sampleTexts));
    embedderRates.push((sampleTexts.length / ms) * 1000);
  }
  memory.mark('embedder alone');
  const counts = await storydesk.store.counts();
  await storydesk.close();

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
