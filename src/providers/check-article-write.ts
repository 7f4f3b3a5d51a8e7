import type { ArticleWrite, EmbedderInfo } from '../core/article-store.js';
import { StorydeskError } from '../core/errors.js';

/**
 * Guards the invariants every later stage relies on before an article store writes anything: one vector per
 * passage, passages cut from the body, vectors of the recorded embedder's dimension. A violation is a bug
 * upstream, so it throws. Every `ArticleStore` backend runs it.
 */
export function checkArticleWrite(embedder: EmbedderInfo | null, { article, passages, vectors }: ArticleWrite): void {
  if (vectors.length !== passages.length) {
    throw new StorydeskError('STORE_INVALID_PUT', `Article ${article.id}: ${passages.length} passages but ${vectors.length} vectors.`);
  }
  if (passages.length > 0 && embedder === null) {
    throw new StorydeskError('STORE_EMBEDDER_UNSET', 'Call setEmbedderInfo before storing passages, so the store knows what made its vectors.');
  }
  for (const [index, draft] of passages.entries()) {
    if (article.body.slice(draft.start, draft.end) !== draft.text) {
      throw new StorydeskError('STORE_INVALID_PUT', `Article ${article.id}: passage ${draft.ordinal} text is not body.slice(start, end).`);
    }
    const length = vectors[index]?.length;
    if (embedder !== null && length !== embedder.dimension) {
      throw new StorydeskError(
        'STORE_DIMENSION_MISMATCH',
        `Article ${article.id}: vector ${index} has ${length} dimensions; the store's embedder ${embedder.id} has ${embedder.dimension}. ` +
          'When switching embedders, call setEmbedderInfo with the new one before storing its vectors.',
      );
    }
  }
}
