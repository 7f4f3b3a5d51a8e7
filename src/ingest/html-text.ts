/**
 * Plain text of an HTML tree with one paragraph per block element. Pages put text in <p>, but also in bare
 * <div>s, list items, table cells and <br>-separated lines; walking the tree and breaking paragraphs at
 * every block boundary keeps "One.</div><div>Two." from running together as "One.Two.".
 */

/** The part of a DOM node the walker needs (linkedom's nodes satisfy it). */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const PARAGRAPH_BREAK = '\u2029';

/** Elements that start and end a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose content is never text (a second guard; parse-html also removes them beforehand). */
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'svg', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'TITLE']);

/** Paragraphs of text under `root`, separated by blank lines; <br> becomes a line break. */
export function htmlText(root: TextNodeLike): string {
  const parts: string[] = [];
  // An explicit stack rather than recursion: a hostile page can nest elements deeper than the call stack.
  const stack: (TextNodeLike | typeof PARAGRAPH_BREAK)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (item === PARAGRAPH_BREAK) {
      parts.push(PARAGRAPH_BREAK);
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      parts.push((item.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const name = item.nodeName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(name)) continue;
    if (name === 'BR') {
      parts.push('\n');
      continue;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) {
      parts.push(PARAGRAPH_BREAK);
      stack.push(PARAGRAPH_BREAK);
    }
    for (let index = item.childNodes.length - 1; index >= 0; index -= 1) {
      const child = item.childNodes[index];
      if (child) stack.push(child);
    }
  }
  return parts
    .join('')
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
