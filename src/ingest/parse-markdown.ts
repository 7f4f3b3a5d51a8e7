import matter from 'gray-matter';
import { buildArticle, slugFromPath } from './article-fields.js';
import { markdownToText } from './markdown-to-text.js';
import { type ParsedFile, skippedFile } from './skip.js';

/** Front-matter keys read for each field, first match wins. */
const FIELD_KEYS = {
  title: ['title', 'headline'],
  source: ['source', 'outlet', 'publisher', 'site'],
  url: ['url', 'link', 'canonical'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'pubDate'],
  author: ['author', 'byline', 'authors'],
} as const;

/**
 * Parses a Markdown article with optional YAML front matter (title, source, url, published, author). A
 * malformed front matter block skips the file with the parser's message rather than indexing YAML as text.
 */
export function parseMarkdown(path: string, text: string): ParsedFile {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object bypasses gray-matter's cache, which would hide errors on a re-read.
    parsed = matter(text, {});
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return skippedFile(path, `malformed YAML front matter: ${message}`);
  }
  const data: Record<string, unknown> = parsed.data;
  const field = (keys: readonly string[]): string | null => {
    for (const key of keys) {
      const value = textOf(data[key]);
      if (value !== null) return value;
    }
    return null;
  };
  const publishedKey = FIELD_KEYS.published.find((key) => data[key] !== undefined && data[key] !== null);
  const article = buildArticle(
    { id: slugFromPath(path), origin: path, originFile: path },
    {
      title: field(FIELD_KEYS.title) ?? markdownHeading(parsed.content),
      body: markdownToText(parsed.content),
      source: field(FIELD_KEYS.source),
      url: field(FIELD_KEYS.url),
      published: publishedKey === undefined ? null : data[publishedKey],
      author: field(FIELD_KEYS.author),
    },
  );
  return article ? { articles: [article], skipped: [] } : skippedFile(path, 'no article text left after removing page furniture');
}

/** A front-matter value as text: strings and numbers as they are, a list of names joined. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ') || null;
  return null;
}

/** Without a front-matter title, a leading "# Heading" is the title (buildArticle then drops it from the body). */
function markdownHeading(content: string): string | null {
  const firstLine = content.split('\n').find((line) => line.trim() !== '') ?? '';
  return /^#\s+(.+)$/.exec(firstLine.trim())?.[1]?.trim() ?? null;
}
