import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openStorydesk } from '../../src/app/open-storydesk.js';
import type { Storage } from '../../src/core/storage.js';
import type { StoryDetail } from '../../src/stories/story-view.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FIXTURE_ARTICLES } from '../stories/story-fixtures.js';

const server = testPostgres();

/** What a backend stored for the stories, without the times the clock gave (creation, assignment). */
async function storedStories(storage: Storage): Promise<unknown[]> {
  const heads = await storage.stories.listStoryHeads();
  return Promise.all(
    heads.map(async ({ createdAt: _createdAt, ...head }) => {
      const story = await storage.stories.getStory(head.id);
      const members = await storage.stories.listMembers(head.id);
      return {
        ...head,
        centroid: story?.centroid,
        entities: story?.entities,
        members: members.map(({ assignedAt: _assignedAt, vector, ...member }) => ({ ...member, vector: Array.from(vector) })),
      };
    }),
  );
}

/** Ingests the corpus folder with stories on, and reads back the stories as a user and as stored. */
async function ingestStories(dataDir: string, corpus: string, environment: Record<string, string>) {
  const storydesk = await openStorydesk({ dataDir, env: loadConfig(environment), logger: createLogger('silent') });
  try {
    await storydesk.ingest([corpus]);
    const service = storydesk.stories;
    if (service === undefined) throw new Error('opened without stories');
    const summaries = await service.list();
    const details: (StoryDetail | null)[] = [];
    for (const summary of summaries) details.push(await service.get(summary.id));
    return { summaries, details, stored: await storedStories(storydesk.storage) };
  } finally {
    await storydesk.close();
  }
}

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('stories on PostgreSQL + pgvector'), () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('are the same stories as on SQLite for the same corpus: members, titles, centroids, timelines and disputes', async () => {
    // Three events covered by several outlets each, plus one-offs (a harbour claim and its denial among them).
    const corpus = join(temp.path, 'corpus');
    const records = FIXTURE_ARTICLES.map(({ id, title, source, published, body }) => JSON.stringify({ id, title, source, published, body }));
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'fixtures.jsonl'), `${records.join('\n')}\n`);

    const onSqlite = await ingestStories(join(temp.path, 'sqlite'), corpus, {});
    const onPostgres = await ingestStories(join(temp.path, 'unused'), corpus, { DATABASE_URL: await createTestDatabase(server.adminUrl ?? '') });

    expect(onSqlite.summaries.some((story) => story.articleIds.length >= 3)).toBe(true);
    expect(onSqlite.details.some((story) => (story?.disputes.length ?? 0) > 0)).toBe(true);
    expect(onPostgres.summaries).toEqual(onSqlite.summaries);
    expect(onPostgres.details).toEqual(onSqlite.details);
    expect(onPostgres.stored).toEqual(onSqlite.stored);
  });
});
