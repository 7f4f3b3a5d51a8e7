/** Which pairs `pairsSharingTerms` looks for. */
export interface PairsSharingTermsOptions {
  /** Which sets may be partners at all (e.g. only denials); the others are not indexed. @default every set */
  canPartner?: (index: number) => boolean;
  /** Only partners after the set in the list (each unordered pair once). @default false */
  laterOnly?: boolean;
}

/**
 * For each of a list of term sets, the other sets that share at least `minShared` terms with it: exactly the pairs
 * that comparing every pair would find, in the same order, without comparing every pair.
 *
 * An inverted index (term → the sets holding it) counts, for each set, the terms it shares with every set that
 * holds any of its terms; sets sharing nothing with it are never visited. Sentences of a news pool share few
 * terms apart from common ones, so this visits a small part of the n² pairs.
 *
 * @param minShared a positive integer.
 * @returns for each index, the ascending indices of its partners (never itself).
 */
export function pairsSharingTerms(sets: readonly ReadonlySet<string>[], minShared: number, options: PairsSharingTermsOptions = {}): number[][] {
  if (!Number.isInteger(minShared) || minShared < 1) throw new RangeError(`minShared must be a positive integer, got ${minShared}`);
  const canPartner = options.canPartner ?? (() => true);
  const laterOnly = options.laterOnly ?? false;
  const holders = new Map<string, number[]>();
  sets.forEach((set, index) => {
    if (!canPartner(index)) return;
    for (const term of set) {
      const list = holders.get(term);
      if (list) list.push(index);
      else holders.set(term, [index]);
    }
  });
  const counts = new Int32Array(sets.length);
  const met: number[] = [];
  return sets.map((set, index) => {
    met.length = 0;
    for (const term of set) {
      const list = holders.get(term);
      if (!list) continue;
      // Holders are in ascending order: with `laterOnly`, walk back from the end down to this set.
      for (let at = list.length - 1; at >= 0; at -= 1) {
        const other = list[at] as number;
        if (laterOnly && other <= index) break;
        if (other === index) continue;
        if (counts[other] === 0) met.push(other);
        counts[other] = (counts[other] as number) + 1;
      }
    }
    const partners = met.filter((other) => (counts[other] as number) >= minShared).sort((a, b) => a - b);
    for (const other of met) counts[other] = 0;
    return partners;
  });
}
