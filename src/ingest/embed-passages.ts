import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import { embeddingText } from '../core/embedding-text.js';
import { sha256 } from './content-hash.js';

/** A passage to embed: its own text (the cache key, as the store caches it) and the title of its article. */
export interface PassageToEmbed {
  title: string;
  text: string;
}

/**
 * Embeds passages, reusing vectors already stored for the same passage text and embedder, so re-ingesting an
 * edited article only embeds the passages that changed. (A retitled article keeps its cached vectors: the
 * title only adds context to the embedding.)
 */
export async function embedWithCache(passages: PassageToEmbed[], embedder: Embedder, store: ArticleStore): Promise<{ vectors: number[][]; embedded: number }> {
  const hashes = passages.map((passage) => sha256(passage.text));
  const cached = await store.getCachedVectors([...new Set(hashes)], embedder.id);
  const missing: number[] = [];
  hashes.forEach((hash, index) => {
    if (!cached.has(hash)) missing.push(index);
  });
  const fresh =
    missing.length > 0
      ? await embedder.embedDocuments(missing.map((index) => embeddingText(passages[index]?.title ?? '', passages[index]?.text ?? '')))
      : [];
  if (fresh.length !== missing.length) throw new Error(`Embedder ${embedder.id} returned ${fresh.length} vectors for ${missing.length} texts`);
  const vectors = hashes.map((hash) => cached.get(hash) ?? []);
  missing.forEach((textIndex, position) => {
    vectors[textIndex] = fresh[position] ?? [];
  });
  return { vectors, embedded: missing.length };
}
