import { articlesFromRecords } from './article-record.js';
import { type ParsedFile, skippedFile } from './skip.js';

/**
 * Parses a JSON file holding an array of article records, a single record, or `{ "articles": [...] }`.
 * Invalid records are skipped one by one (path `file.json[3]`); invalid JSON skips the file.
 */
export function parseJson(path: string, text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return skippedFile(path, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (isArticleList(value)) {
    return articlesFromRecords(
      path,
      value.articles.map((item, index) => ({ value: item, where: `${path}[${index}]` })),
    );
  }
  if (Array.isArray(value)) return articlesFromRecords(path, value.map((item, index) => ({ value: item, where: `${path}[${index}]` })));
  return articlesFromRecords(path, [{ value, where: path }]);
}

function isArticleList(value: unknown): value is { articles: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { articles?: unknown }).articles);
}
