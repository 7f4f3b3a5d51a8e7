import type { DigestOutboxRecord, OutboxStatus, SubscriptionRecord } from './story.js';

/** Filters for listing subscriptions. */
export interface SubscriptionFilter {
  platform?: string;
  channelId?: string;
  /** Only active subscriptions. @default false */
  activeOnly?: boolean;
}

/** What marks a digest sent: its outbox row, and how far its subscription's digests now reach. */
export interface DigestSent {
  outboxId: string;
  subscriptionId: string;
  sentAt: string;
  /** The window end the digest covered; the subscription's `lastDigestAt` moves there unless it is already later. */
  windowEnd: string;
}

/**
 * Subscriptions (a channel following a story or a query) and the digest outbox, which records each digest
 * before it is sent so each (subscription, window) is posted once. Every method returns a promise.
 */
export interface SubscriptionStore {
  /** Inserts or replaces a subscription. */
  saveSubscription(subscription: SubscriptionRecord): Promise<void>;
  getSubscription(id: string): Promise<SubscriptionRecord | null>;
  /** Subscriptions matching the filter, oldest first (then by id). */
  listSubscriptions(filter?: SubscriptionFilter): Promise<SubscriptionRecord[]>;
  /** Records how far the last digest of a subscription reached. */
  setLastDigestAt(id: string, lastDigestAt: string): Promise<void>;
  setSubscriptionActive(id: string, active: boolean): Promise<void>;
  deleteSubscription(id: string): Promise<void>;

  /** Records a digest for a window; resolves false (and stores nothing) when that window already has one. */
  insertOutbox(record: DigestOutboxRecord): Promise<boolean>;
  getOutbox(subscriptionId: string, windowKey: string): Promise<DigestOutboxRecord | null>;
  /** Outbox rows, optionally of one status and one subscription, oldest first (then by id). */
  listOutbox(status?: OutboxStatus, subscriptionId?: string): Promise<DigestOutboxRecord[]>;
  /** Marks an outbox row sent or failed. */
  markOutbox(id: string, status: OutboxStatus, sentAt?: string | null): Promise<void>;
  /** Marks a digest sent and moves its subscription's `lastDigestAt` forward, in one transaction. */
  markDigestSent(sent: DigestSent): Promise<void>;
}
