import type { StoryCitation } from '../stories/story-view.js';
import { externalLink, type Html, h } from './html.js';
import { isoDay, readableDay } from './web-format.js';

/** Outlet, date and linked title of a quote: "Benzinga · Sep 30, 2024 · TikTok Parent ByteDance…". */
export function citationLine(citation: Pick<StoryCitation, 'source' | 'published' | 'title' | 'url'>): Html {
  const day = isoDay(citation.published);
  return h`<p class="source"><span>${citation.source ?? 'Unknown outlet'}</span> · ${day ? h`<time datetime="${day}">${readableDay(day)}</time>` : 'undated'} · <cite>${externalLink(citation.url, citation.title)}</cite></p>`;
}

/**
 * A verbatim quote with its citation under it. When it comes from the same article as the quote beside it
 * (`sameArticleAs`), the citation says so briefly instead of repeating the headline.
 */
export function quoted(text: string, citation: StoryCitation, sameArticleAs?: StoryCitation): Html {
  if (sameArticleAs?.articleId === citation.articleId) {
    return h`<blockquote><p>${text}</p></blockquote><p class="source">Same report: ${citation.source ?? 'unknown outlet'}, ${readableDay(citation.published)}</p>`;
  }
  return h`<blockquote><p>${text}</p></blockquote>${citationLine(citation)}`;
}
