import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import { embedWithCache } from '../ingest/embed-passages.js';

/**
 * Recomputes every passage vector with a new embedder, article by article (each in its own transaction), so
 * the store never holds vectors from two embedders once it finishes. The caller rebuilds the vector index.
 */
export async function reembedStore(store: ArticleStore, embedder: Embedder, onProgress?: (done: number, total: number) => void): Promise<void> {
  const refs = await store.listArticleRefs();
  let done = 0;
  for (const ref of refs) {
    const article = await store.getArticle(ref.id);
    if (!article) continue;
    const passages = await store.getArticlePassages(ref.id);
    const { vectors } = await embedWithCache(
      passages.map((passage) => ({ title: article.title, text: passage.text })),
      embedder,
      store,
    );
    await store.putArticles([{ article, passages, vectors }]);
    done += 1;
    onProgress?.(done, refs.length);
  }
}
