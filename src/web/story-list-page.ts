import type { StorySummary } from '../stories/story-view.js';
import { articlesChart, chartSpan, chartSummary } from './articles-chart.js';
import type { ArticlesPerDay } from './articles-per-day.js';
import { type Html, h } from './html.js';
import { page } from './layout.js';
import { type StoryBadges, badgeList } from './story-badges.js';
import { storyPagePath } from './story-urls.js';
import { plural, readableSpan } from './web-format.js';

/** One story as listed, with what its card shows. */
export interface ListedStory {
  story: StorySummary;
  perDay: ArticlesPerDay;
  badges: StoryBadges;
}

/** What the /stories page shows. */
export interface StoryListView {
  base: string;
  stories: ListedStory[];
  /** 1-based. */
  page: number;
  pageCount: number;
  totalStories: number;
}

function storyCard(item: ListedStory, index: number, base: string): Html {
  const { story, perDay, badges } = item;
  const headingId = `story-${index}`;
  const outlets = story.sources.length > 0 ? story.sources.join(', ') : 'outlet unknown';
  return h`<li><article class="card story-card" aria-labelledby="${headingId}">
<h2 id="${headingId}"><a href="${storyPagePath(base, story.id)}">${story.title}</a></h2>
<p class="meta"><span>${plural(story.articleIds.length, 'article')}</span><span>${outlets}</span><span>Updated <time datetime="${story.lastSeen ?? ''}">${readableSpan(story.lastSeen, story.lastSeen)}</time></span></p>
${badgeList(badges)}
<figure>${articlesChart(perDay, { id: `chart-${index}`, compact: true })}<figcaption><span aria-hidden="true">${chartSpan(perDay)}</span><span class="visually-hidden">${chartSummary(perDay)}</span></figcaption></figure>
</article></li>`;
}

/** The story list: every story with article count, outlets, last update, a small chart and dispute badges. */
export function storyListPage(view: StoryListView): Html {
  const { base } = view;
  const pager =
    view.pageCount > 1
      ? h`<nav class="pager" aria-label="Pages">
${view.page > 1 ? h`<a href="${base}/stories?page=${view.page - 1}" rel="prev">← Newer stories</a>` : h`<span></span>`}
<span>Page ${view.page} of ${view.pageCount}</span>
${view.page < view.pageCount ? h`<a href="${base}/stories?page=${view.page + 1}" rel="next">Older stories →</a>` : h`<span></span>`}
</nav>`
      : h``;
  const list =
    view.totalStories === 0
      ? h`<p class="empty">No stories yet. Add articles to the corpus folder (or run <code>npm run cli -- ingest --corpus DIR</code>) and they are grouped into stories here.</p>`
      : h`<ol class="story-list">${view.stories.map((item, index) => storyCard(item, index, base))}</ol>`;
  const body = h`<h1>Stories</h1>
<p class="lede">${plural(view.totalStories, 'story', 'stories')}, most recently updated first. Open one for its timeline and both sides of each dispute.</p>
${list}
${pager}`;
  return page({ title: 'Stories', base, section: 'stories', body });
}
