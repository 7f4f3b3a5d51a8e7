/** Article metadata a page declares about itself. */
export interface HtmlMetadata {
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
}

/** The part of a DOM document the metadata reader needs (linkedom's document satisfies it). */
interface QueryableDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

/**
 * Reads metadata from Open Graph and article meta tags, the canonical link and JSON-LD (NewsArticle and
 * friends); meta tags win because they are what the publisher shows on social cards.
 */
export function readHtmlMetadata(document: QueryableDocument): HtmlMetadata {
  const meta = (...selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return null;
  };
  const jsonLd = readJsonLd(document);
  return {
    title: meta('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? jsonLd.title,
    source: meta('meta[property="og:site_name"]', 'meta[name="application-name"]') ?? jsonLd.source,
    url: meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? jsonLd.url,
    published:
      meta('meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]') ??
      jsonLd.published,
    author: meta('meta[name="author"]', 'meta[property="article:author"]') ?? jsonLd.author,
  };
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle/i;

/** The first article-like JSON-LD object on the page; broken JSON-LD is ignored, as browsers do. */
function readJsonLd(document: QueryableDocument): HtmlMetadata {
  const empty: HtmlMetadata = { title: null, source: null, url: null, published: null, author: null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let value: unknown;
    try {
      value = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const candidates = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value['@graph']) ? value['@graph'] : [value];
    const article = candidates.find((item): item is Record<string, unknown> => isRecord(item) && ARTICLE_TYPES.test(String(item['@type'] ?? '')));
    if (!article) continue;
    return {
      title: stringOf(article.headline) ?? stringOf(article.name),
      source: nameOf(article.publisher),
      url: stringOf(article.url) ?? stringOf(article.mainEntityOfPage) ?? nameOf(article.mainEntityOfPage, '@id'),
      published: stringOf(article.datePublished),
      author: nameOf(article.author),
    };
  }
  return empty;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A person or organisation as a name: "Jane Doe", { name: "Jane Doe" } or a list of those, joined. */
function nameOf(value: unknown, key = 'name'): string | null {
  if (Array.isArray(value)) {
    const names = value.map((item) => nameOf(item, key)).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isRecord(value)) return stringOf(value[key]);
  return stringOf(value);
}
