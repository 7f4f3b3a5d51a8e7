import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import { sha256 } from './content-hash.js';

/**
 * Embeds passage texts, reusing vectors already stored for the same text and embedder, so re-ingesting an
 * edited article only embeds the passages that changed.
 */
export async function embedWithCache(texts: string[], embedder: Embedder, store: ArticleStore): Promise<{ vectors: number[][]; embedded: number }> {
  const hashes = texts.map((text) => sha256(text));
  const cached = store.getCachedVectors([...new Set(hashes)], embedder.id);
  const missing: number[] = [];
  hashes.forEach((hash, index) => {
    if (!cached.has(hash)) missing.push(index);
  });
  const fresh = missing.length > 0 ? await embedder.embedDocuments(missing.map((index) => texts[index] ?? '')) : [];
  const vectors: number[][] = new Array(texts.length);
  missing.forEach((textIndex, position) => {
    const vector = fresh[position];
    if (!vector) throw new Error(`Embedder ${embedder.id} returned ${fresh.length} vectors for ${missing.length} texts`);
    vectors[textIndex] = vector;
  });
  hashes.forEach((hash, index) => {
    if (vectors[index] === undefined) vectors[index] = cached.get(hash) ?? [];
  });
  return { vectors, embedded: missing.length };
}
