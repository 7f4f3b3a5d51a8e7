import { randomUUID } from 'node:crypto';
import type { SubscriptionPlatform } from '../../src/core/story.js';
import type { SubscriptionStore } from '../../src/core/subscription-store.js';

/** A digest subscription the soak created: one channel each, so every post to that channel is one of its digests. */
export interface SoakSubscription {
  id: string;
  platform: SubscriptionPlatform;
  channelId: string;
  createdAt: string;
}

/**
 * Subscribes fresh channels (ids unique to this run) to a query on a short digest schedule, on Slack and Discord,
 * straight through the subscription store, as `/track` would.
 */
export async function createSoakSubscriptions(
  store: SubscriptionStore,
  options: { slack: number; discord: number; cron: string; discordChannelBase: string },
): Promise<SoakSubscription[]> {
  const run = randomUUID().slice(0, 8);
  const discordRun = String(Math.floor(Math.random() * 9000) + 1000);
  const createdAt = new Date().toISOString();
  const wanted: Array<{ platform: SubscriptionPlatform; channelId: string }> = [
    ...Array.from({ length: options.slack }, (_, index) => ({ platform: 'slack' as SubscriptionPlatform, channelId: `CSOAK${run.toUpperCase()}${index}` })),
    // Discord channel ids are snowflakes (digits); the fake REST server routes on them.
    ...Array.from({ length: options.discord }, (_, index) => ({ platform: 'discord' as SubscriptionPlatform, channelId: `${options.discordChannelBase.slice(0, -6)}${discordRun}${String(index).padStart(2, '0')}` })),
  ];
  const created: SoakSubscription[] = [];
  for (const { platform, channelId } of wanted) {
    const id = `soak-${run}-${platform}-${created.length}`;
    await store.saveSubscription({ id, platform, channelId, targetKind: 'query', target: 'council vote', cron: options.cron, timezone: 'UTC', createdAt, lastDigestAt: null, active: true });
    created.push({ id, platform, channelId, createdAt });
  }
  return created;
}
