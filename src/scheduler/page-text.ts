import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The main text and metadata readability finds in an article page. */
export interface PageText {
  title: string | null;
  /** Paragraphs separated by blank lines, whitespace collapsed inside each. */
  text: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
}

/** Block elements whose end is a paragraph break in the extracted text. */
const BLOCK_END = /<\/(p|div|h[1-6]|li|blockquote|section|article|tr)>|<br\s*\/?>/gi;

/**
 * Extracts an article page's main text with Mozilla Readability (the reader-view algorithm) on a
 * linkedom document. Returns null when the page has no recognisable article.
 */
export function extractPageText(html: string, url: string): PageText | null {
  const { document } = parseHTML(html);
  // Readability resolves relative links against the document URL; linkedom has none, so give it a base.
  if (document.head && !document.querySelector('base')) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head.appendChild(base);
  }
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  if (!parsed?.content) return null;
  const text = htmlToText(parsed.content);
  if (text.length === 0) return null;
  return {
    title: parsed.title?.trim() || null,
    text,
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    published: parsed.publishedTime?.trim() || null,
  };
}

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
