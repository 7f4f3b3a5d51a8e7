/**
 * One benchmark size, run in its own process so peak RSS belongs to it alone. Prints one JSON object.
 * Usage: tsx scripts/bench-size.ts --size 1000 [--repeat 3] [--corpus FILE.jsonl] [--no-langchain] [--work DIR]
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import type { Storydesk } from '../src/app/storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { annRecall } from './lib/ann-recall.js';
import { exactNeighbours, normalised, vectorMatrix } from './lib/exact-search.js';
import { generateCorpus } from './lib/generate-corpus.js';
import { median, percentile } from './lib/metrics.js';
import { questionsFor } from './lib/questions-for-generated.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    questions: { type: 'string', default: '200' },
    'no-langchain': { type: 'boolean', default: false },
    /** Where the stores go instead of .bench/ (so a side experiment never clobbers a running bench). */
    work: { type: 'string' },
  },
});
const size = Number(values.size);
const repeat = Number(values.repeat);
const work = values.work ? resolve(values.work) : join(ROOT, '.bench', values.corpus ? 'external' : `generated-${size}`);
const env = loadConfig({});
const logger = createLogger('warn');

function directoryBytes(path: string): number {
  return readdirSync(path).reduce((sum, name) => sum + statSync(join(path, name)).size, 0);
}

function summary(samples: number[]): { median: number; min: number; max: number; runs: number } {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await task();
  return { value, ms: performance.now() - started };
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  let corpusFile = values.corpus;
  let questionTexts: string[];
  if (!corpusFile) {
    const articles = generateCorpus(size);
    corpusFile = join(work, 'corpus.jsonl');
    writeFileSync(corpusFile, `${articles.map((article) => JSON.stringify(article)).join('\n')}\n`);
    questionTexts = questionsFor(articles, Number(values.questions));
  } else {
    questionTexts = [];
  }

  const ingestArticlesPerSecond: number[] = [];
  const ingestPassagesPerSecond: number[] = [];
  let storydesk: Storydesk | undefined;
  for (let run = 0; run < repeat; run += 1) {
    const dataDir = join(work, `data-${run}`);
    rmSync(dataDir, { recursive: true, force: true });
    storydesk?.close();
    storydesk = await openStorydesk({ dataDir, env, logger });
    const { value: report, ms } = await timed(() => (storydesk as Storydesk).ingest([corpusFile as string]));
    ingestArticlesPerSecond.push((report.added / ms) * 1000);
    ingestPassagesPerSecond.push((report.passages / ms) * 1000);
  }
  if (!storydesk) throw new Error('no run');
  const articles = storydesk.store.counts().articles;
  const passages = storydesk.store.counts().passages;
  if (questionTexts.length === 0) {
    questionTexts = storydesk.store
      .listArticleRefs()
      .slice(0, Number(values.questions))
      .map((ref) => storydesk?.store.getArticle(ref.id)?.title ?? 'news');
  }

  // Warm latencies: one untimed pass first so caches and JIT are warm.
  for (const question of questionTexts.slice(0, 10)) await storydesk.ask(question);
  const askMs: number[] = [];
  const searchMs: number[] = [];
  for (const question of questionTexts) {
    askMs.push((await timed(() => (storydesk as Storydesk).ask(question))).ms);
    searchMs.push((await timed(() => (storydesk as Storydesk).search(question, { k: 10 }))).ms);
  }

  // The embedder alone, on real passages.
  const sampleTexts = storydesk.store.getPassages(storydesk.store.passageIds().slice(0, 2000)).map((passage) => passage.text);
  const embedderRates: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const { ms } = await timed(() => (storydesk as Storydesk).embedder.embedDocuments(sampleTexts));
    embedderRates.push((sampleTexts.length / ms) * 1000);
  }

  // ANN against exact search on the same stored vectors.
  const stored = (function* (store) {
    for (const { passageId, vector } of store.iterateVectors()) yield { label: passageId, vector };
  })(storydesk.store);
  const matrix = vectorMatrix(stored, passages, storydesk.embedder.dimension);
  const labels = matrix.labels;
  const queryVectors = await storydesk.embedder.embedDocuments(questionTexts);
  const unitQueries = queryVectors.map((query) => normalised(query));
  const exact = await timed(async () => unitQueries.map((query) => exactNeighbours(matrix, query, 10)));
  const approximate = await timed(async () => queryVectors.map((query) => storydesk?.index.search(query, 10).map((hit) => hit.label) ?? []));
  const ourRecall = annRecall(matrix, unitQueries, exact.value, approximate.value, 10);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const diskMb = directoryBytes(join(work, `data-${repeat - 1}`)) / (1024 * 1024);

  // LangChain.js HNSWLib with the same embedder and the same passages.
  let langchain: Record<string, number> | null = null;
  if (!values['no-langchain']) {
    const allPassages = storydesk.store.getPassages(labels);
    const documents = allPassages.map((passage) => new Document({ pageContent: passage.text, metadata: { passageId: passage.id } }));
    const embedder = storydesk.embedder;
    const build = await timed(() => HNSWLib.fromDocuments(documents, embedder as never));
    const store = build.value;
    const lcSearchMs: number[] = [];
    const lcResults: number[][] = [];
    for (const question of questionTexts) {
      const { value: found, ms } = await timed(() => store.similaritySearch(question, 10));
      lcSearchMs.push(ms);
      lcResults.push(found.map((document) => Number(document.metadata.passageId)));
    }
    const lcVectorOnly = await timed(async () => {
      const results: number[][] = [];
      for (const query of queryVectors) results.push((await store.similaritySearchVectorWithScore(query, 10)).map(([document]) => Number(document.metadata.passageId)));
      return results;
    });
    langchain = {
      buildSeconds: build.ms / 1000,
      passagesPerSecond: (documents.length / build.ms) * 1000,
      articlesPerSecond: (articles / build.ms) * 1000,
      searchP50: percentile(lcSearchMs, 50),
      searchP95: percentile(lcSearchMs, 95),
      annRecallAt10: annRecall(matrix, unitQueries, exact.value, lcVectorOnly.value, 10).strict,
      annRecallAt10TieAware: annRecall(matrix, unitQueries, exact.value, lcVectorOnly.value, 10).tieAware,
      annQps: (queryVectors.length / lcVectorOnly.ms) * 1000,
      endToEndRecallAt10: annRecall(matrix, unitQueries, exact.value, lcResults, 10).strict,
    };
  }
  storydesk.close();

  console.log(
    JSON.stringify({
      size,
      articles,
      passages,
      ingestArticlesPerSecond: summary(ingestArticlesPerSecond),
      ingestPassagesPerSecond: summary(ingestPassagesPerSecond),
      embedderPassagesPerSecond: summary(embedderRates),
      embedderId: storydesk.embedder.id,
      ask: { p50: percentile(askMs, 50), p95: percentile(askMs, 95), p99: percentile(askMs, 99), min: Math.min(...askMs), max: Math.max(...askMs) },
      search: { p50: percentile(searchMs, 50), p95: percentile(searchMs, 95), p99: percentile(searchMs, 99) },
      ann: {
        recallAt10: ourRecall.strict,
        recallAt10TieAware: ourRecall.tieAware,
        tieEpsilon: ourRecall.epsilon,
        qps: (queryVectors.length / approximate.ms) * 1000,
        exactQps: (queryVectors.length / exact.ms) * 1000,
      },
      peakRssMb,
      diskMb,
      langchain,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
