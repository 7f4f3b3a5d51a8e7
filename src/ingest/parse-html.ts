import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { buildArticle, slugFromPath } from './article-fields.js';
import { type HtmlMetadata, readHtmlMetadata } from './html-metadata.js';
import { type ParsedFile, skippedFile } from './skip.js';

/**
 * Elements whose content is never article text. Removed before extraction so that script or style source,
 * embedded frames and form controls cannot reach the body (and so citations) even if Readability keeps a
 * container around them.
 */
const NEVER_TEXT = 'script, style, noscript, iframe, frame, frameset, object, embed, template, svg, canvas, math, form, button, select, textarea, input, nav, dialog, link, meta';
/** Block elements that become paragraphs of the body. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td, th';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * Parses an HTML page: metadata from Open Graph, article meta tags, the canonical link and JSON-LD; the
 * main text by Readability (on linkedom), one paragraph per block element.
 */
export function parseHtml(path: string, html: string): ParsedFile {
  const { document } = parseHTML(html);
  const metadata: HtmlMetadata = readHtmlMetadata(document);
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
  const bodyHtml = document.body?.innerHTML ?? '';

  let extracted: ReturnType<Readability['parse']> = null;
  try {
    extracted = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 100 }).parse();
  } catch {
    // Readability fails on some odd documents; the page's own blocks are still usable below.
  }
  const fromReadability = extracted?.content ? blockText(extracted.content) : '';
  // Readability gives up on short pages (a brief, a single paragraph): fall back to the whole body's blocks.
  const body = fromReadability || blockText(bodyHtml);
  const article = buildArticle(
    { id: slugFromPath(path), origin: path, originFile: path },
    {
      title: metadata.title ?? extracted?.title ?? null,
      body,
      source: metadata.source ?? extracted?.siteName ?? null,
      url: metadata.url,
      published: metadata.published ?? extracted?.publishedTime ?? null,
      author: metadata.author ?? extracted?.byline ?? null,
    },
  );
  return article ? { articles: [article], skipped: [] } : skippedFile(path, 'no article text found in the page');
}

/**
 * Text of an HTML fragment with one paragraph per block element, so sentences and passages follow the
 * page's paragraphs; loose text outside blocks is kept as its own paragraph.
 */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
  for (const lineBreak of [...document.querySelectorAll('br')]) lineBreak.replaceWith(document.createTextNode('\n'));
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((block) => block.querySelector(BLOCKS) === null);
  if (blocks.length === 0) return (document.body?.textContent ?? '').trim();
  return blocks
    .map((block) => (block.textContent ?? '').replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim())
    .filter((text) => text.length > 0)
    .join('\n\n');
}
