import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/core/embedder.js';
import { createLocalEmbedder } from '../../src/providers/embedders/create-local-embedder.js';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import type { StoryMembership } from '../../src/core/story.js';
import type { StoryStore } from '../../src/core/story-store.js';
import { openStoryDatabase, SqliteStoryStore } from '../../src/providers/sqlite-story-store.js';
import { StoryService } from '../../src/stories/story-service.js';
import { FIXTURE_ARTICLES, type FixtureArticle, storeFixtures } from './story-fixtures.js';

/** A real article store and story store in memory, with the real default embedder. */
async function openStores(embedder: Embedder): Promise<{ store: SqliteArticleStore; storyStore: StoryStore; close: () => void }> {
  const store = SqliteArticleStore.open(':memory:');
  await store.setEmbedderInfo({ id: embedder.id, dimension: embedder.dimension });
  const storyDatabase = openStoryDatabase(':memory:');
  return {
    store,
    storyStore: new SqliteStoryStore(storyDatabase),
    close: () => {
      store.close();
      storyDatabase.close();
    },
  };
}

async function allMemberships(storyStore: StoryStore): Promise<StoryMembership[]> {
  const members: StoryMembership[] = [];
  for await (const member of storyStore.scanMemberships()) members.push(member);
  return members;
}

/** Groups of article ids as the service clustered them, each sorted, for comparing with the events. */
async function groupsOf(service: StoryService): Promise<string[][]> {
  return (await service.list())
    .map((story) => [...story.articleIds].sort())
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

function eventGroups(fixtures: FixtureArticle[]): string[][] {
  const byEvent = new Map<string, string[]>();
  for (const fixture of fixtures) byEvent.set(fixture.event, [...(byEvent.get(fixture.event) ?? []), fixture.id]);
  return [...byEvent.values()].map((ids) => ids.sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

describe('story clustering', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createLocalEmbedder();
  });

  describe('with dated, titled articles', () => {
    let stores: Awaited<ReturnType<typeof openStores>>;
    afterAll(() => {
      stores.close();
    });

    it('groups same-event articles from different outlets and keeps unrelated articles apart', async () => {
      stores = await openStores(embedder);
      await storeFixtures(stores.store, embedder, FIXTURE_ARTICLES);
      const service = await StoryService.open({ ...stores, embedder });
      expect(await service.sync()).toEqual({ assigned: FIXTURE_ARTICLES.length, removed: 0 });
      expect(await groupsOf(service)).toEqual(eventGroups(FIXTURE_ARTICLES));
      const bridge = (await service.list()).find((story) => story.articleIds.includes('quillon-bridge-gazette'));
      expect(bridge?.sources).toEqual(['The Quillon Gazette', 'Harbour Herald', 'Velmont Courier']);
      expect(bridge?.firstSeen).toBe('2031-03-03');
      expect(bridge?.lastSeen).toBe('2031-03-05');
    });

    it('lists the most recently active story first and covers every article exactly once', async () => {
      const service = await StoryService.open({ ...stores, embedder });
      const stories = await service.list();
      expect(stories[0]?.articleIds).toEqual(['marlow-chess']);
      const covered = stories.flatMap((story) => story.articleIds).sort();
      expect(covered).toEqual(FIXTURE_ARTICLES.map((fixture) => fixture.id).sort());
    });

    it('keeps story ids when the store is reopened, articles are re-ingested unchanged or changed, and more arrive', async () => {
      const before = await (await StoryService.open({ ...stores, embedder })).list();
      const idOf = (articleId: string, list = before) => list.find((story) => story.articleIds.includes(articleId))?.id;
      const service = await StoryService.open({ ...stores, embedder });
      expect(await service.sync()).toEqual({ assigned: 0, removed: 0 });

      // A corrected article is re-evaluated but stays in its story.
      const [herald] = FIXTURE_ARTICLES.filter((fixture) => fixture.id === 'quillon-bridge-herald');
      const changed = await storeFixtures(stores.store, embedder, [
        { ...(herald as FixtureArticle), body: `${herald?.body}\n\nCorrection: the bridge carries 41,000 vehicles a day.` },
      ]);
      await service.assign(changed);
      // A later article about the same bridge joins the existing story without changing its id.
      const later = await storeFixtures(stores.store, embedder, [
        {
          id: 'quillon-bridge-update',
          event: 'bridge',
          title: 'Quillon harbour bridge span to be replaced, transit authority says',
          source: 'Harbour Herald',
          published: '2031-03-18',
          body: 'The cracked main span of the Quillon harbour bridge cannot be repaired and will be replaced, the Quillon Transit Authority said on Thursday. The bridge will stay closed until the summer, and extra ferries will keep running.',
        },
      ]);
      await service.assign(later);
      const after = await service.list();
      for (const fixture of FIXTURE_ARTICLES) expect(idOf(fixture.id, after)).toBe(idOf(fixture.id));
      expect(idOf('quillon-bridge-update', after)).toBe(idOf('quillon-bridge-gazette'));
      expect(after).toHaveLength(before.length);
    });

    it('re-profiles stored vectors of another embedder in place, keeping every story id', async () => {
      const before = await (await StoryService.open({ ...stores, embedder })).list();
      await stores.storyStore.apply({ assigned: (await allMemberships(stores.storyStore)).map((member) => ({ ...member, vector: [1, 0, 0] })) });
      const service = await StoryService.open({ ...stores, embedder });
      expect((await service.sync()).assigned).toBe(before.flatMap((story) => story.articleIds).length);
      expect((await service.list()).map((story) => [story.id, story.articleIds])).toEqual(before.map((story) => [story.id, story.articleIds]));
      for (const member of await allMemberships(stores.storyStore)) expect(member.vector).toHaveLength(embedder.dimension);
    });

    it('takes removed articles out of their stories and drops stories left empty', async () => {
      const service = await StoryService.open({ ...stores, embedder });
      const chess = (await service.list()).find((story) => story.articleIds.includes('marlow-chess'));
      await stores.store.deleteArticle('marlow-chess');
      await service.remove(['marlow-chess']);
      expect((await service.list()).some((story) => story.id === chess?.id)).toBe(false);
      // An article deleted behind the service's back is dropped by the next catch-up.
      await stores.store.deleteArticle('eastwick-bakery');
      expect(await (await StoryService.open({ ...stores, embedder })).sync()).toEqual({ assigned: 0, removed: 1 });
    });
  });

  it('clusters articles that have neither dates nor titles by their content alone', async () => {
    const stores = await openStores(embedder);
    try {
      const undated = FIXTURE_ARTICLES.map((fixture) => ({ ...fixture, title: fixture.body.slice(0, 40), published: null }));
      await storeFixtures(stores.store, embedder, undated, { titleDerived: true });
      const service = await StoryService.open({ ...stores, embedder });
      await service.sync();
      expect(await groupsOf(service)).toEqual(eventGroups(FIXTURE_ARTICLES));
      const bridge = (await service.list()).find((story) => story.articleIds.includes('quillon-bridge-gazette'));
      // With derived titles, the story is titled by a first sentence, and first/last seen fall back to ingestion time.
      expect(bridge?.title).toMatch(/Quillon harbour bridge/);
      expect(bridge?.firstSeen).toBe('2031-04-01T00:00:00.000Z');
    } finally {
      stores.close();
    }
  });
});
