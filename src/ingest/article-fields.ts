import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { ArticleInput } from '../core/article.js';
import { cleanText } from './clean-text.js';
import { normalizePublished } from './normalize-published.js';
import { segmentSentences } from './segment-sentences.js';

/** The fields a parser found for one article, before cleaning. */
export interface RawArticleFields {
  title?: string | null | undefined;
  body: string;
  source?: string | null | undefined;
  url?: string | null | undefined;
  /** Any date shape; see normalizePublished. */
  published?: unknown;
  author?: string | null | undefined;
}

/** Where an article came from, as ArticleInput records it. */
export interface ArticleOrigin {
  id: string;
  origin: string;
  originFile: string | null;
}

/** Derived titles are cut near this many characters, at a word boundary. */
const DERIVED_TITLE_LENGTH = 90;

/**
 * Builds an ArticleInput from parsed fields: cleans the body, drops a first line that repeats the title,
 * derives a title from the first sentence when there is none, and normalises the date. Returns null when no
 * text is left after cleaning.
 */
export function buildArticle(where: ArticleOrigin, fields: RawArticleFields): ArticleInput | null {
  const givenTitle = singleLine(fields.title);
  let body = cleanText(fields.body);
  if (givenTitle) body = dropRepeatedTitle(body, givenTitle);
  if (body === '') return null;
  return {
    id: where.id,
    title: givenTitle ?? deriveTitle(body),
    titleDerived: givenTitle === null,
    body,
    source: singleLine(fields.source),
    url: singleLine(fields.url),
    published: normalizePublished(fields.published),
    author: singleLine(fields.author),
    origin: where.origin,
    originFile: where.originFile,
  };
}

/** The article id for a file: a slug of its name ("Bytedance Huawei.md" -> "bytedance-huawei"). */
export function slugFromPath(path: string): string {
  const stem = basename(path, extname(path));
  const slug = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A name with no Latin letters or digits ("新闻.md") still needs a stable id.
  return slug || `file-${createHash('sha256').update(path).digest('hex').slice(0, 12)}`;
}

/** A title from the first sentence of the body, cut at a word boundary with "…" when it is long. */
export function deriveTitle(body: string): string {
  // The sentence splitter, not a regex, so "Dr. Smith said…" and "U.S. officials…" are not cut at the period.
  const first = segmentSentences(body.slice(0, 2000))[0];
  const sentence = first ? body.slice(first.start, first.end).replace(/\s+/g, ' ') : '';
  if (sentence.length <= DERIVED_TITLE_LENGTH) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > DERIVED_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** Removes the body's first line when it only repeats the title (plain or as a "# title" heading). */
function dropRepeatedTitle(body: string, title: string): string {
  const newline = body.indexOf('\n');
  const firstLine = newline === -1 ? body : body.slice(0, newline);
  const heading = firstLine.replace(/^#{1,6}\s+/, '').trim();
  if (comparable(heading) !== comparable(title)) return body;
  return newline === -1 ? '' : body.slice(newline + 1).trim();
}

function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[*_]/g, '').trim().toLowerCase();
}

/** A trimmed one-line string, or null for missing or blank values. */
function singleLine(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
