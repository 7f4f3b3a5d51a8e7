import type { SubscriptionPlatform, SubscriptionRecord } from '../story-records.js';
import type { Digest } from './digest.js';

/**
 * Where digests are posted: one per platform (Slack chat.postMessage, Discord channel messages), a
 * recording fake in tests. Throwing leaves the digest pending, to be resumed later.
 */
export interface DigestSink {
  post(subscription: SubscriptionRecord, digest: Digest): Promise<void>;
}

/** The sink for each platform that is configured; subscriptions of other platforms wait. */
export type DigestSinks = Partial<Record<SubscriptionPlatform, DigestSink>>;
