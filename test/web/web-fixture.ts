import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storydesk } from '../../src/app/storydesk.js';
import { createLogger } from '../../src/app/logger.js';
import { createWebApp, type WebAppOptions } from '../../src/web/web-app.js';
import { startWebServer, type WebServer } from '../../src/web/start-web-server.js';
import { storyReader } from '../../src/web/story-reader.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FIXTURE_ARTICLES } from '../stories/story-fixtures.js';

/** The shipped corpus: the seed article about ByteDance and Huawei chips. */
export const SHIPPED_CORPUS = join(import.meta.dirname, '../../corpus');

/**
 * Articles written to attack the pages: markup, event handlers and `javascript:` links in every field a page
 * shows. They are ingested like any other article, so they reach the pages through the real store.
 */
export const HOSTILE_ARTICLES = [
  {
    id: 'hostile-crane-wire',
    title: '<script>alert("title")</script> Ostrava harbour crane <img src=x onerror=alert(1)> collapses',
    source: '<b onmouseover=alert(2)>Evil Wire</b>',
    url: 'javascript:alert(3)',
    published: '2031-05-02',
    body:
      'A giant crane <script>alert(4)</script> collapsed at the Ostrava harbour container terminal on Friday, sources told the Evil Wire.\n\n' +
      'Dock workers were evacuated from the Ostrava terminal, the <a href="javascript:alert(6)">Evil Wire</a> reported.\n\n' +
      'A spokesperson for the Ostrava Port Authority denied that the crane "><img src=x onerror=alert(5)> collapsed, calling the report false.',
  },
  {
    id: 'hostile-crane-courier',
    title: 'Ostrava harbour crane collapse: " onfocus="alert(7)" autofocus="',
    source: "Courier' onclick='alert(8)",
    url: ' JaVaScRiPt:alert(9)',
    published: '2031-05-03',
    body:
      'The Ostrava Port Authority said the giant crane <svg onload=alert(10)> at the harbour container terminal collapsed on Friday after a cable snapped.\n\n' +
      'Container traffic at the Ostrava harbour terminal <iframe src="javascript:alert(11)"></iframe> is expected to resume next week, the authority said.',
  },
];

/** A running web UI over a real storydesk holding the shipped corpus, the story fixtures and the hostile articles. */
export interface WebFixture {
  storydesk: Storydesk;
  server: WebServer;
  url: string;
  /** The story id of the shipped seed article. */
  seedStoryId: string;
  close(): Promise<void>;
}

/** Ingests the articles into a fresh data folder and serves the web UI on a free loopback port. */
export async function startWebFixture(options: Partial<Pick<WebAppOptions, 'token' | 'base'>> = {}): Promise<WebFixture> {
  const temp = makeTempDir('storydesk-web-');
  const extra = join(temp.path, 'corpus');
  mkdirSync(extra, { recursive: true });
  const records = [
    ...FIXTURE_ARTICLES.map(({ id, title, body, source, published }) => ({ id, title, body, source, published, url: `https://news.invalid/${id}` })),
    ...HOSTILE_ARTICLES,
  ];
  writeFileSync(join(extra, 'articles.jsonl'), `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
  const storydesk = await openTestStorydesk(join(temp.path, 'data'));
  await storydesk.ingest([SHIPPED_CORPUS, extra]);
  const stories = storydesk.stories;
  if (!stories) throw new Error('stories are not loaded');
  const seedArticle = (await storydesk.store.listArticleRefs()).find((ref) => ref.id.includes('bytedance-huawei-chips'));
  const seedStoryId = seedArticle ? stories.storyOf(seedArticle.id)?.id : undefined;
  if (!seedStoryId) throw new Error('the seed article is in no story');
  const app = createWebApp({ stories: storyReader(stories, storydesk.store), assistant: storydesk, logger: createLogger('silent'), ...options });
  const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  return {
    storydesk,
    server,
    url: server.url,
    seedStoryId,
    close: async () => {
      await server.stop();
      storydesk.close();
      temp.remove();
    },
  };
}
