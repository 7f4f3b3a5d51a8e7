import { createHash } from 'node:crypto';
import type { ArticleInput } from '../core/article.js';

/** SHA-256 hex of a text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Version of the parsing/segmenting rules: bump it to make every article count as changed. */
export const INDEXING_VERSION = 1;

/** Hash of everything that affects how an article is indexed and shown. */
export function articleContentHash(article: ArticleInput): string {
  return sha256(
    JSON.stringify([INDEXING_VERSION, article.title, article.body, article.source, article.url, article.published, article.author]),
  );
}
