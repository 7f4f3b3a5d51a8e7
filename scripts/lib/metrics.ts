/** Rank-based retrieval metrics over article ids. */
export interface RetrievalScores {
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
}

/** Article ids in first-seen order (a passage list becomes an article ranking). */
export function uniqueInOrder(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Success@k ("is any relevant article in the top k") and MRR@10, averaged over queries. */
export function retrievalScores(rankings: string[][], relevant: Set<string>[]): RetrievalScores {
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  rankings.forEach((ranking, index) => {
    const gold = relevant[index] ?? new Set<string>();
    const first = ranking.findIndex((id) => gold.has(id));
    if (first === 0) r1 += 1;
    if (first >= 0 && first < 5) r5 += 1;
    if (first >= 0 && first < 10) {
      r10 += 1;
      mrr += 1 / (first + 1);
    }
  });
  const n = Math.max(rankings.length, 1);
  return { recallAt1: r1 / n, recallAt5: r5 / n, recallAt10: r10 / n, mrrAt10: mrr / n };
}

/** Percentile of a sorted-or-not list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/**
 * The 95% Wilson score interval of a share: where the true rate of `successes` out of `total` plausibly lies.
 * Unlike "share ± 1.96·standard error" it stays within 0..1 and holds for small counts and shares near 0 or 1.
 */
export function wilsonInterval(successes: number, total: number, z = 1.96): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 1 };
  const share = successes / total;
  const denominator = 1 + (z * z) / total;
  const centre = (share + (z * z) / (2 * total)) / denominator;
  const spread = (z * Math.sqrt((share * (1 - share)) / total + (z * z) / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - spread), high: Math.min(1, centre + spread) };
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Lower-case, strip punctuation and collapse spaces, for answer-containment checks. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
