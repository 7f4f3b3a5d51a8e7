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

    it('leases a digest window to one owner, hands an expired lease to exactly one taker, and ends it when sent', async () => {
      const { subscriptions } = await storages.open();
      await subscriptions.saveSubscription(subscription('sub-1'));
      const at = (time: string) => new Date(`2031-01-03T${time}Z`);
      const lease = (owner: string, time: string) => ({ owner, now: at(time), leaseMs: 10_000 });
      const claimed = { ...outbox('d1', '2031-01-03T08:00Z'), payload: null };
      expect(await subscriptions.insertOutbox(claimed, lease('host:1:a', '08:00:00'))).toBe(true);
      expect(await subscriptions.insertOutbox({ ...claimed, id: 'd2' }, lease('host:2:b', '08:00:01'))).toBe(false);
      // Held: nobody else takes it; its owner renews it and stores the built digest.
      expect(await subscriptions.leaseOutbox('d1', lease('host:2:b', '08:00:09'))).toBeNull();
      expect(await subscriptions.leaseOutbox('d1', lease('host:1:a', '08:00:05'))).toMatchObject({ id: 'd1', payload: null });
      expect(await subscriptions.saveOutboxPayload('d1', { built: 1 }, lease('host:1:a', '08:00:06'))).toBe(true);
      // Expired: of two takers exactly one gets it, with the payload built so far; the old owner can no longer store.
      const takers = await Promise.all([subscriptions.leaseOutbox('d1', lease('host:2:b', '08:00:17')), subscriptions.leaseOutbox('d1', lease('host:3:c', '08:00:17'))]);
      expect(takers.filter((row) => row !== null)).toEqual([expect.objectContaining({ id: 'd1', payload: { built: 1 } })]);
      expect(await subscriptions.saveOutboxPayload('d1', { built: 2 }, lease('host:1:a', '08:00:18'))).toBe(false);
      const taker = takers[0] === null ? 'host:3:c' : 'host:2:b';
      // Released after a failed send: anyone may take it at once.
      await subscriptions.releaseOutbox('d1', 'host:1:a');
      expect(await subscriptions.leaseOutbox('d1', lease('host:1:a', '08:00:19'))).toBeNull();
      await subscriptions.releaseOutbox('d1', taker);
      expect(await subscriptions.leaseOutbox('d1', lease('host:1:a', '08:00:19'))).not.toBeNull();
      await subscriptions.markDigestSent({ outboxId: 'd1', subscriptionId: 'sub-1', sentAt: '2031-01-03T08:00:20Z', windowEnd: '2031-01-03T08:00Z' });
      expect(await subscriptions.leaseOutbox('d1', lease('host:1:a', '09:00:00'))).toBeNull();
      expect(await subscriptions.getOutbox('sub-1', '2031-01-03T08:00Z')).toMatchObject({ status: 'sent', payload: { built: 1 } });
    });

    it('drops a leased window that had nothing to post and moves lastDigestAt to its end', async () => {
      const { subscriptions } = await storages.open();
      await subscriptions.saveSubscription(subscription('sub-1', { lastDigestAt: '2031-01-02T08:00Z' }));
      await subscriptions.insertOutbox({ ...outbox('d1', '2031-01-03T08:00Z'), payload: null }, { owner: 'host:1:a', now: new Date('2031-01-03T08:00:00Z'), leaseMs: 10_000 });
      await subscriptions.dropEmptyWindow({ outboxId: 'd1', subscriptionId: 'sub-1', windowEnd: '2031-01-03T08:00Z' });
      expect(await subscriptions.getOutbox('sub-1', '2031-01-03T08:00Z')).toBeNull();
      expect((await subscriptions.getSubscription('sub-1'))?.lastDigestAt).toBe('2031-01-03T08:00Z');
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
