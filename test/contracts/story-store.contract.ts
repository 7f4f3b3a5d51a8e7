import { afterEach, describe, expect, it } from 'vitest';
import type { StoryMembership, StoryRecord } from '../../src/core/story.js';
import type { StoryStore } from '../../src/core/story-store.js';
import { freshStorage, type StorageFactory } from './storage-factory.js';

function story(id: string, lastSeen: string | null, createdAt = '2031-01-01T00:00:00.000Z'): StoryRecord {
  return { id, title: `Story ${id}`, firstSeen: lastSeen, lastSeen, createdAt, centroid: [0.5, 0.25], entities: { quillon: 2 }, articleCount: 1 };
}

function member(articleId: string, storyId: string, seenAt: string, contentHash = 'h'): StoryMembership {
  return { articleId, storyId, similarity: 0.8, assignedAt: seenAt, contentHash, vector: [1, 0], entities: { quillon: 1 }, published: null, seenAt };
}

async function scanned(store: StoryStore): Promise<StoryMembership[]> {
  const members: StoryMembership[] = [];
  for await (const row of store.scanMemberships()) members.push(row);
  return members;
}

/** Behaviour every `StoryStore` shares. */
export function describeStoryStoreContract(factory: StorageFactory): void {
  describe(`${factory.name}: StoryStore contract`, () => {
    const storages = freshStorage(factory);
    afterEach(() => storages.closeAll());

    it('keeps stories and memberships across a reopen, most recently active first, undated last', async () => {
      const first = await storages.open();
      await first.stories.apply({
        savedStories: [story('story-old', '2031-01-02'), story('story-new', '2031-02-02'), story('story-undated', null)],
        assigned: [member('a', 'story-old', '2031-01-02'), member('b', 'story-new', '2031-02-02')],
      });
      await first.close();
      const { stories } = await storages.reopen();
      const heads = await stories.listStoryHeads();
      expect(heads.map((head) => head.id)).toEqual(['story-new', 'story-old', 'story-undated']);
      expect(heads[0]).toEqual({ id: 'story-new', title: 'Story story-new', firstSeen: '2031-02-02', lastSeen: '2031-02-02', createdAt: '2031-01-01T00:00:00.000Z', articleCount: 1 });
      expect(await stories.getStory('story-old')).toMatchObject({ centroid: [0.5, 0.25], entities: { quillon: 2 } });
      expect(await stories.getStory('missing')).toBeNull();
      const members = await stories.listMembers('story-old');
      expect(members).toHaveLength(1);
      expect(members[0]).toMatchObject({ articleId: 'a', storyId: 'story-old', similarity: 0.8, entities: { quillon: 1 }, seenAt: '2031-01-02' });
      expect(Array.from(members[0]?.vector ?? [])).toEqual([1, 0]);
    });

    it('scans every membership oldest first, in pages, the same rows as the per-story lists', async () => {
      const { stories } = await storages.open();
      const many = Array.from({ length: 1200 }, (_, n) => member(`article-${String(n).padStart(4, '0')}`, n % 2 === 0 ? 'even' : 'odd', `2031-01-${String((n % 28) + 1).padStart(2, '0')}`));
      await stories.apply({ savedStories: [story('even', '2031-01-28'), story('odd', '2031-01-28')], assigned: many });
      const rows = await scanned(stories);
      expect(rows).toHaveLength(1200);
      const order = rows.map((row) => `${row.seenAt} ${row.articleId}`);
      expect(order).toEqual([...order].sort());
      expect(rows.filter((row) => row.storyId === 'odd').map((row) => row.articleId)).toEqual((await stories.listMembers('odd')).map((row) => row.articleId));
    });

    it('moves an article between stories, answers the lookups, and deletes a story with its memberships', async () => {
      const { stories } = await storages.open();
      await stories.apply({ savedStories: [story('s1', '2031-01-02'), story('s2', '2031-01-03')], assigned: [member('a', 's1', '2031-01-02'), member('b', 's2', '2031-01-03', 'hb')] });
      await stories.apply({ assigned: [member('a', 's2', '2031-01-01', 'ha2')] });
      expect(await stories.articleIdsByStory()).toEqual(new Map([['s2', ['a', 'b']]]));
      expect(await stories.storyIdsByArticle()).toEqual(new Map([['a', 's2'], ['b', 's2']]));
      expect(await stories.contentHashesByArticle()).toEqual(new Map([['a', 'ha2'], ['b', 'hb']]));
      expect(await stories.memberStamps(['a', 'missing'])).toEqual(new Map([['a', { storyId: 's2', contentHash: 'ha2', assignedAt: '2031-01-01' }]]));
      await stories.apply({ removedArticles: ['b'], deletedStories: ['s1'] });
      expect(await stories.getStory('s1')).toBeNull();
      expect(await stories.storyIdsByArticle()).toEqual(new Map([['a', 's2']]));
      await stories.apply({ deletedStories: ['s2'] });
      expect(await scanned(stories)).toEqual([]);
    });

    it('applies a change set all or nothing', async () => {
      const { stories } = await storages.open();
      await stories.apply({ savedStories: [story('s1', '2031-01-02')], assigned: [member('a', 's1', '2031-01-02')] });
      // A membership of a story that does not exist fails the whole change set, removals included.
      await expect(stories.apply({ removedArticles: ['a'], savedStories: [story('s2', '2031-01-05')], assigned: [member('b', 'no-such-story', '2031-01-05')] })).rejects.toThrow();
      expect(await stories.getStory('s2')).toBeNull();
      expect(await stories.storyIdsByArticle()).toEqual(new Map([['a', 's1']]));
    });
  });
}
