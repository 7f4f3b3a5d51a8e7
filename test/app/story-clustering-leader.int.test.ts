import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openStorydesk } from '../../src/app/open-storydesk.js';
import { StoryClusteringLeader } from '../../src/app/story-clustering-leader.js';
import type { Storydesk } from '../../src/app/storydesk.js';
import { loadConfig } from '../../src/config/load-config.js';
import { storyReader } from '../../src/web/story-reader.js';
import { startWebServer } from '../../src/web/start-web-server.js';
import { createWebApp } from '../../src/web/web-app.js';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { createTestDatabase, testPostgres } from '../helpers/postgres.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const server = testPostgres();
const temp = makeTempDir('storydesk-clustering-leader-');
afterAll(() => temp.remove());

/** Re-checks until `check` holds; the test's timeout bounds it (the other process acts on its own schedule). */
async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25));
}

function leaderOf(storydesk: Storydesk): StoryClusteringLeader {
  const updates = storydesk.storyUpdates;
  if (!(updates instanceof StoryClusteringLeader)) throw new Error('opened without a story-clustering leader');
  return updates;
}

function storiesOf(storydesk: Storydesk) {
  const stories = storydesk.stories;
  if (!stories) throw new Error('opened without stories');
  return stories;
}

/** A corpus folder with the given fictional articles (one .md file each). */
function corpus(name: string, articles: { index: number; title?: string; body?: string }[]): string {
  const folder = join(temp.path, name);
  mkdirSync(folder, { recursive: true });
  for (const { index, ...overrides } of articles) writeFileSync(join(folder, `article-${index}.md`), fictionalArticle(index, overrides));
  return folder;
}

const backends = [
  { name: 'SQLite (two bots on one data folder)', skip: undefined, environment: async (): Promise<Record<string, string>> => ({}) },
  {
    name: 'PostgreSQL (two replicas on one database)',
    skip: server.skipReason,
    environment: async (): Promise<Record<string, string>> => ({ DATABASE_URL: await createTestDatabase(server.adminUrl ?? '') }),
  },
];

describe.each(backends)('story clustering by one leader: $name', ({ name, skip, environment }) => {
  const opened: Storydesk[] = [];
  afterEach(async () => {
    for (const storydesk of opened.splice(0)) await storydesk.close().catch(() => undefined);
  });

  it.skipIf(skip !== undefined)(`one replica clusters; the other serves the stories it made (story pages, story lookups) and hands it its own articles${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 120_000 }, async () => {
    const env = loadConfig(await environment());
    const dataDir = join(temp.path, `data-${name.slice(0, 6)}`);
    const open = async (): Promise<Storydesk> => {
      const storydesk = await openStorydesk({ dataDir, env, logger: createLogger('silent') });
      opened.push(storydesk);
      return storydesk;
    };
    const first = await open();
    const second = await open();
    expect([leaderOf(first).leading, leaderOf(second).leading]).toEqual([true, false]);

    // The leader ingests: the other replica reloads on the notice and can open the new story's page.
    await first.ingest([corpus('first', [{ index: 0 }, { index: 1 }, { index: 2 }])]);
    const [storyOfFirst] = await storiesOf(first).list();
    if (!storyOfFirst) throw new Error('the leader made no story');
    const web = await startWebServer(createWebApp({ stories: storyReader(storiesOf(second), second.store), assistant: second, logger: createLogger('silent') }), { host: '127.0.0.1', port: 0 });
    try {
      await eventually(() => storiesOf(second).storyOf(storyOfFirst.articleIds[0] ?? '') !== null);
      const page = await fetch(`${web.url}/stories/${storyOfFirst.id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(storyOfFirst.title.slice(0, 20));
    } finally {
      await web.stop();
    }

    // The other replica ingests: it does not cluster, the leader does (told by a notice), and both then see it.
    const before = new Set((await second.store.listArticleRefs()).map((ref) => ref.id));
    await second.ingest([
      corpus('second', [
        {
          index: 99,
          title: 'Port Ellery lighthouse reopens after storm repairs',
          body: 'The fictional Port Ellery lighthouse reopened on Friday after eight months of storm repairs, the harbour board said.\n\nKeeper Anselm Brindle lit the lamp at dusk.',
        },
      ]),
    ]);
    const lighthouse = (await second.store.listArticleRefs()).find((ref) => !before.has(ref.id))?.id ?? '';
    expect(lighthouse).not.toBe('');
    await eventually(() => storiesOf(first).storyOf(lighthouse) !== null);
    await eventually(() => storiesOf(second).storyOf(lighthouse)?.title === 'Port Ellery lighthouse reopens after storm repairs');
    expect(leaderOf(second).leading).toBe(false);

    // The leader stops: the other replica takes the role over and clusters its next articles itself.
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    await eventually(() => leaderOf(second).leading);
    await second.ingest([corpus('third', [{ index: 7 }])]);
    const refs = await second.store.listArticleRefs();
    const unassigned = refs.filter((ref) => storiesOf(second).storyOf(ref.id) === null);
    expect(unassigned).toEqual([]);
  });
});
