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

/** A lease on a digest window's outbox row: while it holds, only `owner` builds and sends that digest. */
export interface OutboxLease {
  /** A lease owner id (host:pid:random), unique per process. */
  owner: string;
  now: Date;
  /** How long the lease holds unless renewed; after that another process may take the window over. */
  leaseMs: number;
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

  /**
   * Records a digest for a window; resolves false (and stores nothing) when that window already has one. With a
   * lease, the row is claimed for its owner (the one process that builds and sends it, `payload` null until built).
   */
  insertOutbox(record: DigestOutboxRecord, lease?: OutboxLease): Promise<boolean>;
  /**
   * Takes or renews the lease of a pending row: when no lease holds it, the lease expired, or `owner` holds it
   * already. Exactly one of several processes taking over an expired lease gets the row; the others get null.
   */
  leaseOutbox(id: string, lease: OutboxLease): Promise<DigestOutboxRecord | null>;
  /** Stores the built digest of a pending row and renews the lease, while `owner` still holds it; false when it does not. */
  saveOutboxPayload(id: string, payload: unknown, lease: OutboxLease): Promise<boolean>;
  /** Gives up `owner`'s lease on a pending row (a failed send), so it is retried at once by whoever looks next. */
  releaseOutbox(id: string, owner: string): Promise<void>;
  /**
   * Drops a leased window that had nothing to post, and moves its subscription's `lastDigestAt` to the window end
   * (unless it is already later), in one transaction.
   */
  dropEmptyWindow(window: Omit<DigestSent, 'sentAt'>): Promise<void>;
  getOutbox(subscriptionId: string, windowKey: string): Promise<DigestOutboxRecord | null>;
  /** Outbox rows, optionally of one status and one subscription, oldest first (then by id). */
  listOutbox(status?: OutboxStatus, subscriptionId?: string): Promise<DigestOutboxRecord[]>;
  /** Marks an outbox row sent or failed. */
  markOutbox(id: string, status: OutboxStatus, sentAt?: string | null): Promise<void>;
  /** Marks a digest sent (its lease ends) and moves its subscription's `lastDigestAt` forward, in one transaction. */
  markDigestSent(sent: DigestSent): Promise<void>;
}
