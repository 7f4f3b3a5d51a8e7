/** One ranked list of ids with how much it counts in the fusion. */
export interface RankedList {
  ids: number[];
  weight: number;
}

/**
 * Reciprocal rank fusion (Cormack et al., 2009): robust to the very different score scales of BM25 and
 * cosine similarity, which is why it is used instead of score interpolation.
 */
export function reciprocalRankFusion(lists: RankedList[], k = 60): Map<number, number> {
  const fused = new Map<number, number>();
  for (const list of lists) {
    list.ids.forEach((id, index) => {
      fused.set(id, (fused.get(id) ?? 0) + list.weight / (k + index + 1));
    });
  }
  return fused;
}
