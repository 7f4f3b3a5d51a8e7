import { afterEach, describe, expect, it } from 'vitest';
import type { DigestOutboxRecord, SubscriptionRecord } from '../../src/core/story.js';
import { freshStorage, type StorageFactory } from './storage-factory.js';

function subscription(id: string, overrides: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
  return {
    id,
    platform: 'slack',
    channelId: 'C1',
    targetKind: 'query',
    target: 'tram line',
    cron: '0 9 * * 1-5',
    timezone: 'Europe/Paris',
    createdAt: '2031-01-01T00:00:00.000Z',
    lastDigestAt: null,
    active: true,
    ...overrides,
  };
}

function outbox(id: string, windowKey: string, subscriptionId = 'sub-1'): DigestOutboxRecord {
  return { id, subscriptionId, windowKey, payload: { items: [1], note: 'ü' }, status: 'pending', createdAt: `2031-01-02T08:00:0${id.length}Z`, sentAt: null };
}

/** Behaviour every `SubscriptionStore` shares. */
export function describeSubscriptionStoreContract(factory: StorageFactory): void {
  describe(`${factory.name}: SubscriptionStore contract`, () => {
    const storages = freshStorage(factory);
    afterEach(() => storages.closeAll());

    it('saves, filters, replaces, deactivates and deletes subscriptions, oldest first, on any platform name', async () => {
      const { subscriptions } = await storages.open();
      await subscriptions.saveSubscription(subscription('sub-2', { createdAt: '2031-01-03T00:00:00.000Z', platform: 'matrix', channelId: '!room:example.org' }));
      await subscriptions.saveSubscription(subscription('sub-1'));
      await subscriptions.saveSubscription(subscription('sub-3', { createdAt: '2031-01-04T00:00:00.000Z', channelId: 'C2', active: false }));
      expect((await subscriptions.listSubscriptions()).map((row) => row.id)).toEqual(['sub-1', 'sub-2', 'sub-3']);
      expect((await subscriptions.listSubscriptions({ activeOnly: true })).map((row) => row.id)).toEqual(['sub-1', 'sub-2']);
      expect((await subscriptions.listSubscriptions({ platform: 'matrix' })).map((row) => row.channelId)).toEqual(['!room:example.org']);
      expect((await subscriptions.listSubscriptions({ platform: 'slack', channelId: 'C2' })).map((row) => row.id)).toEqual(['sub-3']);
      await subscriptions.saveSubscription(subscription('sub-1', { cron: '30 7 * * *' }));
      expect(await subscriptions.getSubscription('sub-1')).toEqual(subscription('sub-1', { cron: '30 7 * * *' }));
      await subscriptions.setSubscriptionActive('sub-1', false);
      await subscriptions.setLastDigestAt('sub-2', '2031-01-05T08:00:00.000Z');
      expect((await subscriptions.getSubscription('sub-2'))?.lastDigestAt).toBe('2031-01-05T08:00:00.000Z');
      expect((await subscriptions.listSubscriptions({ activeOnly: true })).map((row) => row.id)).toEqual(['sub-2']);
      await subscriptions.deleteSubscription('sub-3');
      expect(await subscriptions.getSubscription('sub-3')).toBeNull();
    });

    it('records one digest per subscription window and keeps its payload', async () => {
      const { subscriptions } = await storages.open();
      await subscriptions.saveSubscription(subscription('sub-1'));
      expect(await subscriptions.insertOutbox(outbox('d1', '2031-01-02T08:00Z'))).toBe(true);
      expect(await subscriptions.insertOutbox(outbox('d2', '2031-01-02T08:00Z'))).toBe(false);
      expect(await subscriptions.insertOutbox(outbox('d33', '2031-01-03T08:00Z'))).toBe(true);
      expect(await subscriptions.getOutbox('sub-1', '2031-01-02T08:00Z')).toEqual(outbox('d1', '2031-01-02T08:00Z'));
      expect(await subscriptions.getOutbox('sub-1', 'never')).toBeNull();
      expect((await subscriptions.listOutbox('pending')).map((row) => row.id)).toEqual(['d1', 'd33']);
      await subscriptions.markOutbox('d33', 'failed');
      expect((await subscriptions.listOutbox('failed', 'sub-1')).map((row) => row.id)).toEqual(['d33']);
      expect(await subscriptions.listOutbox('pending', 'other')).toEqual([]);
      expect(await subscriptions.listOutbox()).toHaveLength(2);
    });

    it('marks a digest sent and moves lastDigestAt forward, never back', async () => {
      const { subscriptions } = await storages.open();
      await subscriptions.saveSubscription(subscription('sub-1'));
      await subscriptions.insertOutbox(outbox('d1', '2031-01-03T08:00Z'));
      await subscriptions.markDigestSent({ outboxId: 'd1', subscriptionId: 'sub-1', sentAt: '2031-01-03T08:00:02Z', windowEnd: '2031-01-03T08:00Z' });
      expect(await subscriptions.getOutbox('sub-1', '2031-01-03T08:00Z')).toMatchObject({ status: 'sent', sentAt: '2031-01-03T08:00:02Z' });
      expect((await subscriptions.getSubscription('sub-1'))?.lastDigestAt).toBe('2031-01-03T08:00Z');
      await subscriptions.insertOutbox(outbox('d2', 'manual:2031-01-02T08:00Z'));
      await subscriptions.markDigestSent({ outboxId: 'd2', subscriptionId: 'sub-1', sentAt: '2031-01-03T09:00:00Z', windowEnd: '2031-01-02T08:00Z' });
      expect((await subscriptions.getSubscription('sub-1'))?.lastDigestAt).toBe('2031-01-03T08:00Z');
      expect(await subscriptions.listOutbox('pending')).toEqual([]);
    });
  });
}
