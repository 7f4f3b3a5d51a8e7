/**
 * LangChain.js's HNSWLib store built from the same passages with the same embedder, for `npm run bench --
 * --langchain`. @langchain/community (~100 MB with its dependencies) is only in the research install
 * (`npm run research:install`), so scripts/bench-baselines.ts loads this file by a computed path.
 */
import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { annRecall } from '../scripts/lib/ann-recall.js';
import type { LangChainBaselineInput } from '../scripts/lib/langchain-baseline.js';
import { median, percentile } from '../scripts/lib/metrics.js';
import { timed } from '../scripts/lib/timed.js';

/** Builds the store `runs` times (median build rate), then searches it with the benchmark questions. */
export async function measureLangChainHnswlib(input: LangChainBaselineInput): Promise<Record<string, number>> {
  const { passages, embedder, questionTexts, queryVectors, unitQueries, matrix, exact, articles, runs } = input;
  const documents = passages.map((passage) => new Document({ pageContent: passage.text, metadata: { passageId: passage.id } }));
  const buildMs: number[] = [];
  let store: HNSWLib | undefined;
  for (let run = 0; run < runs; run += 1) {
    store = undefined;
    const build = await timed(() => HNSWLib.fromDocuments(documents, embedder as never));
    buildMs.push(build.ms);
    store = build.value;
  }
  if (!store) throw new Error('no LangChain run');
  const built = store;
  const searchMs: number[] = [];
  const results: number[][] = [];
  for (const question of questionTexts) {
    const { value: found, ms } = await timed(() => built.similaritySearch(question, 10));
    searchMs.push(ms);
    results.push(found.map((document) => Number(document.metadata.passageId)));
  }
  const vectorOnly = await timed(async () => {
    const found: number[][] = [];
    for (const query of queryVectors) found.push((await built.similaritySearchVectorWithScore(query, 10)).map(([document]) => Number(document.metadata.passageId)));
    return found;
  });
  const recall = annRecall(matrix, unitQueries, exact, vectorOnly.value, 10);
  const buildMedianMs = median(buildMs);
  return {
    buildSeconds: buildMedianMs / 1000,
    buildRuns: buildMs.length,
    passagesPerSecond: (documents.length / buildMedianMs) * 1000,
    passagesPerSecondMin: (documents.length / Math.max(...buildMs)) * 1000,
    passagesPerSecondMax: (documents.length / Math.min(...buildMs)) * 1000,
    articlesPerSecond: (articles / buildMedianMs) * 1000,
    searchP50: percentile(searchMs, 50),
    searchP95: percentile(searchMs, 95),
    annRecallAt10: recall.strict,
    annRecallAt10TieAware: recall.tieAware,
    annQps: (queryVectors.length / vectorOnly.ms) * 1000,
    endToEndRecallAt10: annRecall(matrix, unitQueries, exact, results, 10).strict,
  };
}
