import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { buildArticle, slugFromPath } from './article-fields.js';
import { type HtmlMetadata, readHtmlMetadata } from './html-metadata.js';
import { htmlText, type TextNodeLike } from './html-text.js';
import { type ParsedFile, skippedFile } from './skip.js';

/**
 * Elements whose content is never article text. Removed before extraction so that script or style source,
 * embedded frames and form controls cannot reach the body (and so citations) even if Readability keeps a
 * container around them.
 */
const NEVER_TEXT = 'script, style, noscript, iframe, frame, frameset, object, embed, template, svg, canvas, math, form, button, select, textarea, input, nav, dialog, link, meta';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * Readability's cost grows much faster than linearly with nesting depth (measured: 0.9 s at 250 nested
 * elements, 2.7 s at 500, minutes at 2,000), and unclosed tags in old or hostile pages nest that deep.
 * Past these limits the page's own blocks are used instead. Real articles nest a few dozen levels.
 */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 20_000;

/**
 * Parses an HTML page: metadata from Open Graph, article meta tags, the canonical link and JSON-LD; the
 * main text by Readability (on linkedom), one paragraph per block element.
 */
export function parseHtml(path: string, html: string): ParsedFile {
  const { document } = parseHTML(html);
  const metadata: HtmlMetadata = readHtmlMetadata(document);
  // For pages Readability does not read: the first headline, else the document title.
  const pageTitle = textOf(document.querySelector('h1')) ?? textOf(document.querySelector('title'));
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
  const bodyHtml = document.body?.innerHTML ?? '';

  let extracted: ReturnType<Readability['parse']> = null;
  if (document.body && fitsReadability(document.body as unknown as TextNodeLike)) {
    try {
      extracted = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 100, maxElemsToParse: READABILITY_MAX_ELEMENTS }).parse();
    } catch {
      // Readability fails on some odd documents; the page's own blocks are still usable below.
    }
  }
  const fromReadability = extracted?.content ? blockText(extracted.content) : '';
  // Readability gives up on short pages (a brief, a single paragraph): fall back to the whole body's blocks.
  const body = fromReadability || blockText(bodyHtml);
  const article = buildArticle(
    { id: slugFromPath(path), origin: path, originFile: path },
    {
      title: metadata.title ?? (extracted?.title || null) ?? pageTitle,
      body,
      source: metadata.source ?? extracted?.siteName ?? null,
      url: metadata.url,
      published: metadata.published ?? extracted?.publishedTime ?? null,
      author: metadata.author ?? extracted?.byline ?? null,
    },
  );
  return article ? { articles: [article], skipped: [] } : skippedFile(path, 'no article text found in the page');
}

/** Text of an HTML fragment, one paragraph per block element, so sentences and passages follow the page's paragraphs. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
  return document.body ? htmlText(document.body as unknown as TextNodeLike) : '';
}

/** True when the tree is shallow and small enough for Readability to finish quickly. */
function fitsReadability(root: TextNodeLike): boolean {
  const stack: [TextNodeLike, number][] = [[root, 0]];
  let elements = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [TextNodeLike, number];
    if (depth > READABILITY_MAX_DEPTH || elements > READABILITY_MAX_ELEMENTS) return false;
    for (let index = 0; index < node.childNodes.length; index += 1) {
      const child = node.childNodes[index];
      if (child?.nodeType === 1) {
        elements += 1;
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}

function textOf(element: { textContent: string | null } | null): string | null {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
