import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStoryStore } from '../../src/providers/sqlite-story-store.js';
import type { StoryMembership, StoryRecord } from '../../src/stories/story-records.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function story(id: string, lastSeen: string | null): StoryRecord {
  return {
    id,
    title: `Story ${id}`,
    firstSeen: lastSeen,
    lastSeen,
    createdAt: '2031-01-01T00:00:00.000Z',
    centroid: [0.5, 0.25],
    entities: { quillon: 2 },
    articleCount: 0,
  };
}

function member(articleId: string, storyId: string, seenAt: string): StoryMembership {
  return {
    articleId,
    storyId,
    similarity: 0.8,
    assignedAt: seenAt,
    contentHash: 'h',
    vector: [1, 0],
    entities: { quillon: 1 },
    published: null,
    seenAt,
  };
}

describe('SqliteStoryStore', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('keeps stories and memberships across reopening, most recently active first', () => {
    const path = join(temp.path, 'storydesk.sqlite');
    const first = SqliteStoryStore.open(path);
    first.transaction(() => {
      first.saveStory(story('story-old', '2031-01-02'));
      first.saveStory(story('story-new', '2031-02-02'));
      first.saveStory(story('story-undated', null));
      first.assignArticle(member('a', 'story-old', '2031-01-02'));
      first.assignArticle(member('b', 'story-new', '2031-02-02'));
    });
    first.close();
    const reopened = SqliteStoryStore.open(path);
    expect(reopened.listStories().map((item) => item.id)).toEqual(['story-new', 'story-old', 'story-undated']);
    expect(reopened.listStoryHeads()).toEqual(reopened.listStories().map(({ centroid: _centroid, entities: _entities, ...head }) => head));
    expect([...reopened.iterateMemberships()]).toEqual(reopened.listAllMemberships());
    expect(reopened.getStory('story-old')).toMatchObject({
      centroid: [0.5, 0.25],
      entities: { quillon: 2 },
    });
    expect(reopened.getMembership('a')).toMatchObject({
      storyId: 'story-old',
      vector: Float32Array.from([1, 0]),
    });
    reopened.assignArticle(member('a', 'story-new', '2031-01-02'));
    expect(reopened.articleIdsByStory().get('story-new')).toEqual(['a', 'b']);
    reopened.deleteStory('story-new');
    expect(reopened.storyIdsByArticle().size).toBe(0);
    reopened.close();
  });

  it('records a digest once per subscription window', () => {
    const store = SqliteStoryStore.open(':memory:');
    store.saveSubscription({
      id: 'sub-1',
      platform: 'slack',
      channelId: 'C1',
      targetKind: 'query',
      target: 'tram line',
      cron: '0 9 * * 1-5',
      timezone: 'Europe/Paris',
      createdAt: '2031-01-01T00:00:00.000Z',
      lastDigestAt: null,
      active: true,
    });
    expect(
      store.listSubscriptions({
        platform: 'slack',
        channelId: 'C1',
        activeOnly: true,
      }),
    ).toHaveLength(1);
    const row = {
      id: 'd1',
      subscriptionId: 'sub-1',
      windowKey: '2031-01-02T08:00Z',
      payload: { items: [1] },
      status: 'pending' as const,
      createdAt: 'x',
      sentAt: null,
    };
    expect(store.insertOutbox(row)).toBe(true);
    expect(store.insertOutbox({ ...row, id: 'd2' })).toBe(false);
    store.markOutbox('d1', 'sent', '2031-01-02T08:00:01Z');
    expect(store.getOutbox('sub-1', '2031-01-02T08:00Z')).toMatchObject({
      status: 'sent',
      payload: { items: [1] },
    });
    expect(store.listOutbox('pending')).toEqual([]);
    store.setSubscriptionActive('sub-1', false);
    expect(store.listSubscriptions({ activeOnly: true })).toEqual([]);
    store.close();
  });
});
