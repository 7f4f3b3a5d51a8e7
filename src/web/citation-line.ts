import type { StoryCitation } from '../stories/story-view.js';
import { externalLink, type Html, h } from './html.js';
import { isoDay, readableDay } from './web-format.js';

/** Outlet, date and linked title of a quote: "Benzinga · Sep 30, 2024 · TikTok Parent ByteDance…". */
export function citationLine(citation: Pick<StoryCitation, 'source' | 'published' | 'title' | 'url'>): Html {
  const day = isoDay(citation.published);
  return h`<p class="source"><span>${citation.source ?? 'Unknown outlet'}</span> · ${day ? h`<time datetime="${day}">${readableDay(day)}</time>` : 'undated'} · <cite>${externalLink(citation.url, citation.title)}</cite></p>`;
}

/** A verbatim quote with its citation under it. */
export function quoted(text: string, citation: StoryCitation): Html {
  return h`<blockquote><p>${text}</p></blockquote>${citationLine(citation)}`;
}
