/**
 * The baselines, in their own process so they never count towards storydesk's peak RSS: exact brute-force
 * search over the stored vectors (the ground truth for our index's ANN recall, and a QPS to compare with), and
 * with --langchain, LangChain.js's HNSWLib store built from the same passages with the same embedder. Reads a data folder that
 * bench-ours.ts filled. Prints one JSON object.
 * Usage: tsx scripts/bench-baselines.ts --data DIR [--database-url postgres://…] [--questions FILE.json] [--langchain [--langchain-runs 1]]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { annRecall } from './lib/ann-recall.js';
import { benchmarkQuestions } from './lib/benchmark-questions.js';
import { exactNeighbours, normalised, vectorMatrix } from './lib/exact-search.js';
import { measureLangChainBaseline } from './lib/langchain-baseline.js';
import { PhaseMemory } from './lib/phase-memory.js';
import { timed } from './lib/timed.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    questions: { type: 'string' },
    'question-count': { type: 'string', default: '200' },
    /** LangChain builds to take the median of (each embeds every passage and builds a new index). */
    'langchain-runs': { type: 'string', default: '1' },
    /** Also measure LangChain.js's HNSWLib store (needs `npm run research:install`). */
    langchain: { type: 'boolean', default: false },
    /** The PostgreSQL database bench-ours.ts filled (its pgvector index is the one measured), instead of --data. */
    'database-url': { type: 'string' },
  },
});

async function main(): Promise<void> {
  if (!values.data) throw new Error('usage: bench-baselines.ts --data DIR');
  const memory = new PhaseMemory();
  const storydesk = await openStorydesk({
    dataDir: resolve(values.data),
    env: loadConfig({ DATABASE_URL: values['database-url'] }),
    logger: createLogger('warn'),
    stories: false,
  });
  const questionTexts = await benchmarkQuestions(storydesk.store, values.questions, Number(values['question-count']));
  const { articles, passages } = await storydesk.store.counts();
  memory.mark('open');

  // ANN against exact search on the same stored vectors.
  const stored: { label: number; vector: number[] }[] = [];
  for await (const { passageId, vector } of storydesk.store.scanVectors()) stored.push({ label: passageId, vector });
  const matrix = vectorMatrix(stored, passages, storydesk.embedder.dimension);
  const queryVectors = await storydesk.embedder.embedDocuments(questionTexts);
  const unitQueries = queryVectors.map((query) => normalised(query));
  const exact = await timed(async () => unitQueries.map((query) => exactNeighbours(matrix, query, 10)));
  const approximate = await timed(async () => {
    const lists: number[][] = [];
    for (const query of queryVectors) lists.push((await storydesk.index.search(query, 10)).map((hit) => hit.passageId));
    return lists;
  });
  const ourRecall = annRecall(matrix, unitQueries, exact.value, approximate.value, 10);
  memory.mark('exact search and ANN recall');

  // LangChain.js HNSWLib with the same embedder and the same passages (research install only).
  let langchain: Record<string, number> | null = null;
  if (values.langchain) {
    langchain = await measureLangChainBaseline({
      passages: await storydesk.store.getPassages(matrix.labels),
      embedder: storydesk.embedder,
      questionTexts,
      queryVectors,
      unitQueries,
      matrix,
      exact: exact.value,
      articles,
      runs: Number(values['langchain-runs']),
    });
    memory.mark('langchain');
  }
  await storydesk.close();

  console.log(
    JSON.stringify({
      ann: {
        recallAt10: ourRecall.strict,
        recallAt10TieAware: ourRecall.tieAware,
        tieEpsilon: ourRecall.epsilon,
        qps: (queryVectors.length / approximate.ms) * 1000,
        exactQps: (queryVectors.length / exact.ms) * 1000,
      },
      langchain,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      memory: memory.records,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
