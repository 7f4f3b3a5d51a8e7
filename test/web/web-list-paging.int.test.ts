import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import type { StorySummary } from '../../src/stories/story-view.js';
import { createWebApp } from '../../src/web/web-app.js';
import { startWebServer, type WebServer } from '../../src/web/start-web-server.js';
import type { StoryReader } from '../../src/web/story-reader.js';
import { abstainingAssistant } from './empty-stories.js';
import { parsePage } from './page-safety.js';

/** 45 one-article stories, newest first, read through the real pages. */
const SUMMARIES: StorySummary[] = Array.from({ length: 45 }, (_, index) => ({
  id: `story-${index}`,
  title: `Story ${index}`,
  articleIds: [`article-${index}`],
  sources: ['Harbour Herald'],
  firstSeen: '2031-03-03',
  lastSeen: '2031-03-03',
}));

const reader: StoryReader = {
  list: async () => SUMMARIES,
  detail: async (id) => {
    const summary = SUMMARIES.find((story) => story.id === id);
    return summary ? { ...summary, timeline: [], disputes: [], disputedClaims: [], confirmations: [] } : null;
  },
  findings: async () => ({ disputedClaims: [], confirmations: [] }),
  storyOf: () => null,
  publishedDates: async (ids) => new Map(ids.map((id) => [id, '2031-03-03'])),
};

describe('the story list in pages, under a path prefix', () => {
  let server: WebServer;
  beforeAll(async () => {
    const app = createWebApp({ stories: reader, assistant: abstainingAssistant(), logger: createLogger('silent'), base: '/desk' });
    server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const page = async (path: string) => parsePage(await (await fetch(`${server.url}${path}`)).text());

  it('shows 20 stories a page with links to the next and previous pages', async () => {
    const first = await page('/stories');
    expect(first.querySelectorAll('.story-card')).toHaveLength(20);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/desk/stories?page=2');
    expect(first.querySelector('a[rel="prev"]')).toBeNull();
    const last = await page('/stories?page=3');
    expect(last.querySelectorAll('.story-card')).toHaveLength(5);
    expect(last.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/desk/stories?page=2');
    expect(last.querySelector('.pager')?.textContent).toContain('Page 3 of 3');
  });

  it('treats a page number out of range or not a number as the nearest page', async () => {
    expect((await page('/stories?page=99')).querySelector('.pager')?.textContent).toContain('Page 3 of 3');
    expect((await page('/stories?page=abc')).querySelector('.pager')?.textContent).toContain('Page 1 of 3');
  });

  it('prefixes every internal link and the stylesheet with the public path', async () => {
    const list = await page('/stories');
    const internal = [...list.querySelectorAll('a[href], link[href], form[action]')].map((element) => element.getAttribute('href') ?? element.getAttribute('action') ?? '');
    expect(internal.filter((href) => href.startsWith('/') && !href.startsWith('/desk/'))).toEqual([]);
    expect(list.querySelector('.story-card h2 a')?.getAttribute('href')).toBe('/desk/stories/story-0');
  });
});
