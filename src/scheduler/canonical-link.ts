import { createHash } from 'node:crypto';

/** Query parameters that only track where a click came from; they do not change the page. */
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i;

/**
 * The canonical form of an item link: lower-case host, no fragment, no tracking parameters, no trailing
 * slash. Two feeds listing the same page with different campaign tags then agree on one key.
 */
export function canonicalLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  const text = url.toString();
  return text.endsWith('/') && url.pathname !== '/' ? text.slice(0, -1) : text;
}

/** The key an item is deduplicated by: its canonical link, else its guid as given. */
export function feedItemKey(link: string | undefined, guid: string | undefined): string | null {
  const canonical = link ? canonicalLink(link) : null;
  if (canonical) return canonical;
  const trimmed = guid?.trim();
  return trimmed ? `guid:${trimmed}` : null;
}

/** Stable article id of a feed item: a hash of its key, so re-listing or re-polling yields the same id. */
export function feedArticleId(itemKey: string): string {
  return `feed-${createHash('sha256').update(itemKey).digest('hex').slice(0, 16)}`;
}
