/**
 * Headline → article retrieval through the app's own retriever: every RTQA article is indexed without its
 * title (storydesk derives one from the first sentence, as for any untitled file), and the real titles of up to
 * 400 articles are the queries; the one relevant answer is the article itself. This is the task of the
 * external BBC evaluation (headline → untitled article), and 400 queries make it steadier than the 121 questions.
 *
 *   npx tsx scripts/eval-headlines.ts [--work DIR]     # default store: .cache/eval-headlines
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import type { RetrievalMode } from '../src/retrieval/hybrid-retriever.js';
import { retrievalScores, uniqueInOrder } from './lib/metrics.js';
import { sharedDataDir } from './lib/shared-data.js';
import { readJsonlFile } from './lib/read-jsonl-file.js';

const MAX_QUERIES = 400;

interface CorpusRecord {
  id: string;
  title?: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { work: { type: 'string' } } });
  const dataDir = sharedDataDir();
  if (!dataDir) {
    console.log('eval-headlines: skipped — ../shared/data (RealTime QA development data) is not present on this machine.');
    return;
  }
  const corpus = readJsonlFile<CorpusRecord & Record<string, unknown>>(join(dataDir, 'rtqa_corpus.jsonl'));
  // The queries are the titles of the articles the RTQA questions point to: the same articles the embedder
  // training left out, so no query was trained on.
  const pointedTo = new Set(readJsonlFile<{ relevant: string[] }>(join(dataDir, 'rtqa_questions.jsonl')).flatMap((question) => question.relevant));
  const queries = corpus.filter((record) => pointedTo.has(record.id) && (record.title ?? '').trim() !== '').slice(0, MAX_QUERIES);

  const work = resolve(values.work ?? join(import.meta.dirname, '..', '.cache', 'eval-headlines'));
  mkdirSync(work, { recursive: true });
  const untitled = join(work, 'rtqa-untitled.jsonl');
  writeFileSync(untitled, `${corpus.map(({ title: _title, ...record }) => JSON.stringify(record)).join('\n')}\n`);
  const storydesk = await openStorydesk({ dataDir: join(work, 'data'), env: loadConfig({}), logger: createLogger('warn') });
  await storydesk.ingest([untitled]);

  console.log(`Headline → untitled article, ${queries.length} queries over ${corpus.length} articles (MRR@10, R@1, R@10, ms per search):`);
  for (const mode of ['hybrid', 'lexical', 'vector'] as RetrievalMode[]) {
    const started = performance.now();
    const rankings: string[][] = [];
    for (const query of queries) {
      const hits = await storydesk.search(query.title ?? '', { k: 30 }, mode);
      rankings.push(uniqueInOrder(hits.map((hit) => hit.article.id)).slice(0, 10));
    }
    const scores = retrievalScores(rankings, queries.map((query) => new Set([query.id])));
    const perSearch = (performance.now() - started) / Math.max(queries.length, 1);
    console.log(`  ${mode.padEnd(8)} ${scores.mrrAt10.toFixed(3)}  ${scores.recallAt1.toFixed(3)}  ${scores.recallAt10.toFixed(3)}  ${perSearch.toFixed(1)} ms`);
  }
  await storydesk.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
