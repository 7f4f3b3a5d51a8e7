import type { RankedList } from './reciprocal-rank-fusion.js';

/**
 * Reciprocal rank fusion at the article level: each list counts an article once, at the rank of its best
 * passage in that list. Questions are judged by article (is a relevant article near the top?), and an
 * article that both rankings find counts once per ranking rather than once per passage, so a long article
 * with many similar passages does not outweigh one that both BM25 and the embedder put first.
 */
export function fuseArticleRanks(lists: RankedList[], articleOf: (passageId: number) => string | undefined, k = 60): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    const seen = new Set<string>();
    for (const id of list.ids) {
      const article = articleOf(id);
      if (article === undefined || seen.has(article)) continue;
      seen.add(article);
      fused.set(article, (fused.get(article) ?? 0) + list.weight / (k + seen.size));
    }
  }
  return fused;
}
