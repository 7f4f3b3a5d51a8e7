import { parseHTML } from 'linkedom';

type PageDocument = ReturnType<typeof parseHTML>['document'];
type PageElement = NonNullable<ReturnType<PageDocument['querySelector']>>;

/** Everything in a page that would run script or load something: what hostile article text must never become. */
export function activeContent(markup: string): string[] {
  const { document } = parseHTML(markup);
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'img', 'base', 'meta'].includes(tag) && !(tag === 'meta' && isKnownMeta(element))) {
      found.push(`<${tag}>`);
    }
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style' || name === 'autofocus') found.push(`${tag}[${name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^(javascript|data|vbscript):/.test(value.replace(/\s/g, ''))) {
        found.push(`${tag}[${name}=${value}]`);
      }
    }
  }
  return found;
}

function isKnownMeta(element: PageElement): boolean {
  return element.hasAttribute('charset') || ['viewport', 'referrer'].includes(element.getAttribute('name') ?? '');
}

/** The text a person reads on the page (tags removed, entities decoded). */
export function visibleText(markup: string): string {
  const { document } = parseHTML(markup);
  return (document.querySelector('body')?.textContent ?? '').replace(/\s+/g, ' ');
}

/** Parses a page for queries. */
export function parsePage(markup: string): PageDocument {
  return parseHTML(markup).document;
}
