import { createHash } from 'node:crypto';

/** Words per shingle: five is long enough that unrelated articles share almost none. */
const SHINGLE_WORDS = 5;

/**
 * The set of hashed word 5-grams of a text (lower-cased, punctuation dropped), for near-duplicate checks.
 * Hashes are 8 hex characters: collisions are rare at article sizes and keep stored fingerprints small.
 */
export function shingleSet(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const shingles = new Set<string>();
  if (words.length === 0) return shingles;
  if (words.length < SHINGLE_WORDS) {
    shingles.add(hashShingle(words.join(' ')));
    return shingles;
  }
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start += 1) {
    shingles.add(hashShingle(words.slice(start, start + SHINGLE_WORDS).join(' ')));
  }
  return shingles;
}

function hashShingle(shingle: string): string {
  return createHash('sha1').update(shingle).digest('hex').slice(0, 8);
}

/**
 * How much two bodies overlap: shared shingles over the smaller set, so a wire story re-published with a
 * trimmed ending still counts as the same article. Sets of very different sizes (a short brief against a
 * long feature quoting it) are never near-duplicates, whatever the overlap.
 */
export function shingleOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size / large.size < 0.5) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  return shared / small.size;
}
