/*
 * Interim single-file parsing (collect, parse, clean, segment, chunk) so the ingest pipeline runs end to end;
 * the per-concept modules replace it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, realpath } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import matter from 'gray-matter';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import type { ArticleInput } from '../core/article.js';
import type { PassageDraft, SentenceSpan } from '../core/passage.js';

export interface SkippedInput {
  path: string;
  reason: string;
}

const EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.json', '.jsonl', '.ndjson']);
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Files to ingest below the given paths (sorted, absolute), and the ones passed over with why. */
export async function collectFiles(paths: string[], options: { maxFileBytes?: number } = {}): Promise<{ files: string[]; skipped: SkippedInput[] }> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const files: string[] = [];
  const skipped: SkippedInput[] = [];
  const visited = new Set<string>();
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      skipped.push({ path, reason: 'no such file or folder' });
      return;
    }
    const name = basename(path);
    if (!explicit && (name.startsWith('.') || name === 'node_modules')) return;
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (visited.has(real)) return;
      visited.add(real);
      const entries = (await readdir(path)).sort();
      for (const entry of entries) await visit(join(path, entry), false);
      return;
    }
    if (!info.isFile()) return;
    const extension = extname(path).toLowerCase();
    if (!EXTENSIONS.has(extension)) {
      skipped.push({ path, reason: `unsupported extension "${extension || '(none)'}" (accepted: ${[...EXTENSIONS].join(', ')})` });
      return;
    }
    if (info.size > maxBytes) {
      skipped.push({ path, reason: `file is too large (${(info.size / 1048576).toFixed(1)} MiB; the limit is ${(maxBytes / 1048576).toFixed(0)} MiB)` });
      return;
    }
    files.push(path);
  };
  for (const path of paths) await visit(resolve(path), true);
  return { files: [...new Set(files)], skipped };
}

const recordSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]),
    title: z.string().nullish(),
    body: z.string().nullish(),
    text: z.string().nullish(),
    content: z.string().nullish(),
    source: z.string().nullish(),
    url: z.string().nullish(),
    published: z.string().nullish(),
    author: z.string().nullish(),
  })
  .refine((record) => (record.body ?? record.text ?? record.content ?? '').trim().length > 0, { message: 'body is missing or empty', path: ['body'] });

/** Reads one file into articles; bad input becomes skips with reasons, never exceptions. */
export async function parseFile(path: string): Promise<{ articles: ArticleInput[]; skipped: SkippedInput[] }> {
  const bytes = await readFile(path);
  if (bytes.length === 0) return skip(path, 'empty file');
  if (bytes.includes(0)) return skip(path, 'binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip(path, 'not valid UTF-8 text');
  }
  if (text.trim() === '') return skip(path, 'file holds only whitespace');
  const extension = extname(path).toLowerCase();
  const slug = slugOf(path);
  switch (extension) {
    case '.md':
    case '.markdown':
      return parseMarkdown(path, slug, text);
    case '.txt':
      return single(path, slug, { title: firstLine(text), body: dropFirstLine(text) });
    case '.html':
    case '.htm':
      return parseHtml(path, slug, text);
    case '.json':
      return parseJson(path, text);
    default:
      return parseJsonl(path, text);
  }
}

function skip(path: string, reason: string): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  return { articles: [], skipped: [{ path, reason }] };
}

function slugOf(path: string): string {
  const stem = basename(path, extname(path));
  const slug = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || createHash('sha256').update(path).digest('hex').slice(0, 12);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

function dropFirstLine(text: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  return lines.slice(index + 1).join('\n');
}

interface Fields {
  title?: string | null | undefined;
  body: string;
  source?: string | null | undefined;
  url?: string | null | undefined;
  published?: string | null | undefined;
  author?: string | null | undefined;
}

function toArticle(id: string, origin: string, originFile: string, fields: Fields): ArticleInput | null {
  let body = cleanText(fields.body);
  const givenTitle = fields.title?.trim() ?? '';
  if (givenTitle) {
    const lines = body.split('\n');
    const first = (lines[0] ?? '').replace(/^#+\s*/, '').trim();
    if (first === givenTitle) body = lines.slice(1).join('\n').trim();
  }
  if (body.trim() === '') return null;
  const title = givenTitle || deriveTitle(body);
  return {
    id,
    title,
    titleDerived: givenTitle === '',
    body,
    source: fields.source?.trim() || null,
    url: fields.url?.trim() || null,
    published: normalizeDate(fields.published),
    author: fields.author?.trim() || null,
    origin,
    originFile,
  };
}

function single(path: string, slug: string, fields: Fields): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  const article = toArticle(slug, path, path, fields);
  return article ? { articles: [article], skipped: [] } : skip(path, 'no text left after removing page furniture');
}

function parseMarkdown(path: string, slug: string, text: string): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  let parsed;
  try {
    parsed = matter(text);
  } catch (error) {
    return skip(path, `malformed front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  const data = parsed.data as Record<string, unknown>;
  const field = (name: string): string | null => {
    const value = data[name];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  return single(path, slug, {
    title: field('title'),
    body: parsed.content,
    source: field('source') ?? field('outlet'),
    url: field('url') ?? field('link'),
    published: field('published') ?? field('date'),
    author: field('author'),
  });
}

function parseHtml(path: string, slug: string, html: string): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | null => document.querySelector(selector)?.getAttribute('content') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const metadata = {
    title: meta('meta[property="og:title"]'),
    source: meta('meta[property="og:site_name"]'),
    published: meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]'),
    author: meta('meta[name="author"]'),
    url: meta('meta[property="og:url"]') ?? canonical,
  };
  for (const element of document.querySelectorAll('script, style, noscript, iframe, template, svg')) element.remove();
  const result = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const text = result?.textContent ? paragraphsFromHtml(result.content ?? '') || result.textContent : '';
  return single(path, slug, {
    title: metadata.title ?? result?.title ?? null,
    body: text,
    source: metadata.source ?? result?.siteName ?? null,
    url: metadata.url,
    published: metadata.published ?? result?.publishedTime ?? null,
    author: metadata.author ?? result?.byline ?? null,
  });
}

/** Block-level text of extracted HTML, one paragraph per block, so sentences and passages follow paragraphs. */
function paragraphsFromHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre')];
  return blocks
    .filter((block) => !block.querySelector('p, li'))
    .map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0)
    .join('\n\n');
}

function recordArticles(path: string, records: { value: unknown; where: string }[]): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  const articles: ArticleInput[] = [];
  const skipped: SkippedInput[] = [];
  for (const { value, where } of records) {
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({ path: where, reason: `invalid record: ${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'unknown problem'}` });
      continue;
    }
    const record = parsed.data;
    const id = String(record.id);
    const article = toArticle(id, `${path}#${id}`, path, { ...record, body: record.body ?? record.text ?? record.content ?? '' });
    if (article) articles.push(article);
    else skipped.push({ path: where, reason: 'no text left after removing page furniture' });
  }
  return { articles, skipped };
}

function parseJson(path: string, text: string): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return skip(path, `not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { articles?: unknown }).articles)
      ? ((value as { articles: unknown[] }).articles)
      : [value];
  return recordArticles(path, list.map((item, index) => ({ value: item, where: `${path}[${index}]` })));
}

function parseJsonl(path: string, text: string): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  const records: { value: unknown; where: string }[] = [];
  const skipped: SkippedInput[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push({ value: JSON.parse(line), where: `${path}:${index + 1}` });
    } catch (error) {
      skipped.push({ path: `${path}:${index + 1}`, reason: `not valid JSON: ${(error as Error).message}` });
    }
  });
  const result = recordArticles(path, records);
  return { articles: result.articles, skipped: [...skipped, ...result.skipped] };
}

function normalizeDate(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

function deriveTitle(body: string): string {
  const first = body.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  const sentence = first.split(/(?<=[.!?])\s/)[0] ?? first;
  if (sentence.length <= 90) return sentence;
  const cut = sentence.slice(0, 90);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 90)}…`;
}

/** Page furniture: lines that are navigation, promotion or credits, never news. */
const FURNITURE_LINE: readonly RegExp[] = [
  /^(see also|read next|read more|related|more from|recommended|trending|also read)\s*:.*$/i,
  /^photo(graph)? (by|credit|courtesy)\b.*$/i,
  /^(image|photo) (credit|caption|source)\s*:?.*$/i,
  /^this (story|article) was (generated|written|produced) (using|with|by)\b.*$/i,
  /^market news and data brought to you by\b.*$/i,
  /^(comments|loading\.{3}|loading…|posted in:?|advertisement|sponsored|share this article|share|tweet|email)$/i,
  /^(sign up|subscribe)\b.*\b(newsletter|updates|alerts)\b.*$/i,
  /^(join now|sign up now|subscribe now)\s*:?.*$/i,
  /^follow (us|me) on\b.*$/i,
  /^click here\b.*$/i,
  /^©\s*\d{4}.*$/,
  /^all rights reserved\.?$/i,
  /^\(?(getty images|ap photo|reuters)\)?$/i,
  /^benzinga simplifies the market\b.*$/i,
  /^trade confidently with insights\b.*$/i,
];

/** Normalises text and removes page furniture lines; keeps paragraphs. */
export function cleanText(raw: string): string {
  const normalized = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ');
  const lines = normalized.split('\n').map((line) => line.trim());
  const kept = lines.filter((line) => !FURNITURE_LINE.some((rule) => rule.test(line)));
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|etc|e\.g|i\.e|approx|Inc|Corp|Co|Ltd|Mt|Ft|Ave|Blvd|U\.S|U\.K|U\.N|E\.U)|(?:^|\s)[A-Z])\.\s*$/;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence offsets; paragraphs always end sentences; abbreviations and initials do not. */
export function segmentSentences(body: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let paragraphStart = 0;
  const paragraphs = body.split(/\n/);
  for (const paragraph of paragraphs) {
    let pendingStart: number | null = null;
    for (const piece of segmenter.segment(paragraph)) {
      const start = paragraphStart + piece.index;
      if (pendingStart === null) pendingStart = start;
      const text = piece.segment;
      if (ABBREVIATION.test(text) && piece.index + text.length < paragraph.length && /^\s*[A-Z0-9“"]/.test(paragraph.slice(piece.index + text.length)) && /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|St|No|[A-Z])\.\s*$/.test(text)) continue;
      const end = start + text.length;
      const span = trimSpan(body, pendingStart, end);
      if (span) spans.push(span);
      pendingStart = null;
    }
    if (pendingStart !== null) {
      const span = trimSpan(body, pendingStart, paragraphStart + paragraph.length);
      if (span) spans.push(span);
    }
    paragraphStart += paragraph.length + 1;
  }
  return mergeOpenQuotes(body, spans);
}

/** A quotation that runs over several sentences stays one statement: "…wrong. No new model is being developed." */
function mergeOpenQuotes(body: string, spans: SentenceSpan[]): SentenceSpan[] {
  const merged: SentenceSpan[] = [];
  for (let index = 0; index < spans.length; index += 1) {
    const span = spans[index] as SentenceSpan;
    let end = span.end;
    let next = index + 1;
    const open = (text: string): number => (text.match(/“/g)?.length ?? 0) - (text.match(/”/g)?.length ?? 0);
    while (open(body.slice(span.start, end)) > 0 && next < spans.length && next - index <= 3) {
      const following = spans[next] as SentenceSpan;
      if (body.slice(end, following.start).includes('\n')) break;
      end = following.end;
      next += 1;
    }
    if (open(body.slice(span.start, end)) === 0 && next > index + 1) {
      merged.push({ start: span.start, end });
      index = next - 1;
    } else {
      merged.push(span);
    }
  }
  return merged;
}

function trimSpan(body: string, start: number, end: number): SentenceSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(body[s] ?? '')) s += 1;
  while (e > s && /\s/.test(body[e - 1] ?? '')) e -= 1;
  return e > s ? { start: s, end: e } : null;
}

/** Groups sentences into passages of a few sentences that stay within paragraphs when they can. */
export function chunkPassages(body: string, sentences: SentenceSpan[], options: { maxSentences?: number; maxChars?: number } = {}): PassageDraft[] {
  const maxSentences = options.maxSentences ?? 3;
  const maxChars = options.maxChars ?? 500;
  const pieces = sentences.flatMap((sentence) => splitLong(body, sentence, maxChars * 2));
  const passages: PassageDraft[] = [];
  let group: SentenceSpan[] = [];
  const flush = (): void => {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) return;
    passages.push({ ordinal: passages.length, start: first.start, end: last.end, text: body.slice(first.start, last.end), sentences: group });
    group = [];
  };
  for (const sentence of pieces) {
    const first = group[0];
    const previous = group[group.length - 1];
    const crossesParagraph = previous !== undefined && body.slice(previous.end, sentence.start).includes('\n\n');
    const tooLong = first !== undefined && sentence.end - first.start > maxChars;
    if (group.length >= maxSentences || tooLong || (crossesParagraph && group.length > 0 && previous !== undefined && previous.end - (first?.start ?? 0) > maxChars / 3)) flush();
    group.push(sentence);
  }
  flush();
  return passages;
}

function splitLong(body: string, sentence: SentenceSpan, limit: number): SentenceSpan[] {
  if (sentence.end - sentence.start <= limit) return [sentence];
  const pieces: SentenceSpan[] = [];
  let start = sentence.start;
  while (sentence.end - start > limit) {
    let cut = body.lastIndexOf(' ', start + limit);
    if (cut <= start) cut = start + limit;
    pieces.push({ start, end: cut });
    start = cut;
    while (start < sentence.end && body[start] === ' ') start += 1;
  }
  if (start < sentence.end) pieces.push({ start, end: sentence.end });
  return pieces;
}
