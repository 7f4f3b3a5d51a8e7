import type { SubscriptionPlatform } from '../../core/story.js';
import type { SubscriptionStore } from '../../core/subscription-store.js';
import type { DigestBuilder } from './build-digest.js';
import type { Digest } from './digest.js';

/** Which channel, and from when, for an on-demand digest. */
export interface DigestNowRequest {
  channelId: string;
  /** Only this platform's subscriptions; all platforms when omitted (the CLI). */
  platform?: SubscriptionPlatform;
  /** Start of the window (ISO); @default each subscription's last digest (or when tracking began) */
  since?: string;
  /** End of the window. */
  now: Date;
}

/**
 * The digests a channel would get right now, one per subscription, without touching the outbox or the
 * schedule: `/digest` and the CLI are previews, so the scheduled digest still covers its full window.
 */
export async function digestsNow(builder: DigestBuilder, subscriptionStore: SubscriptionStore, request: DigestNowRequest): Promise<Digest[]> {
  const subscriptions = await subscriptionStore.listSubscriptions({
    channelId: request.channelId,
    activeOnly: true,
    ...(request.platform ? { platform: request.platform } : {}),
  });
  const until = request.now.toISOString();
  const digests: Digest[] = [];
  for (const subscription of subscriptions) {
    const since = request.since ?? subscription.lastDigestAt ?? subscription.createdAt;
    digests.push(await builder.build(subscription, since, until));
  }
  return digests;
}
