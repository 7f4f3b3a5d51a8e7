import { parseHTML } from 'linkedom';
import { parseHtml } from '../ingest/parse-html.js';

/** The main text and metadata readability finds in an article page. */
export interface PageText {
  title: string | null;
  /** Paragraphs separated by blank lines, whitespace collapsed inside each. */
  text: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
}

/**
 * Extracts an article page's main text with the project's HTML parser (Readability on linkedom, page
 * metadata from Open Graph and JSON-LD, furniture removed). Returns null when the page has no article.
 */
export function extractPageText(html: string, url: string): PageText | null {
  const article = parseHtml(url, html).articles[0];
  if (!article || article.body.length === 0) return null;
  return {
    title: article.titleDerived ? null : article.title,
    text: article.body,
    byline: article.author,
    siteName: article.source,
    published: article.published,
  };
}

/** Block elements whose end is a paragraph break in the extracted text. */
const BLOCK_END = /<\/(p|div|h[1-6]|li|blockquote|section|article|tr)>|<br\s*\/?>/gi;

/** Plain text of an HTML fragment: paragraphs kept as blank-line breaks, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(BLOCK_END, (tag) => `${tag}\n\n`);
  const { document } = parseHTML(`<!doctype html><html><body>${withBreaks}</body></html>`);
  const raw: string = String(document.body?.textContent ?? '');
  return raw
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}
