import { buildArticle, slugFromPath } from './article-fields.js';
import { type ParsedFile, skippedFile } from './skip.js';

/** Parses a plain-text article: the first non-empty line is the title, the rest is the body. */
export function parseText(path: string, text: string): ParsedFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const title = lines[titleIndex]?.trim() ?? '';
  const body = lines.slice(titleIndex + 1).join('\n');
  // A one-line file is a body without a title rather than a title without a body.
  const article =
    body.trim() === ''
      ? buildArticle({ id: slugFromPath(path), origin: path, originFile: path }, { body: title })
      : buildArticle({ id: slugFromPath(path), origin: path, originFile: path }, { title, body });
  return article ? { articles: [article], skipped: [] } : skippedFile(path, 'no article text left after removing page furniture');
}
