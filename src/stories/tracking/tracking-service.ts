import { createHash } from 'node:crypto';
import { UserFacingError } from '../../core/errors.js';
import type { SubscriptionPlatform, SubscriptionRecord } from '../../core/story.js';
import type { StoryStore } from '../../core/story-store.js';
import type { SubscriptionStore } from '../../core/subscription-store.js';
import { scheduleProblem } from '../../scheduler/digest-windows.js';
import type { StoryService } from '../story-service.js';

export interface TrackingDependencies {
  storyStore: StoryStore;
  subscriptions: SubscriptionStore;
  stories: StoryService;
  /** Schedule of new subscriptions (DIGEST_DEFAULT_CRON). */
  defaultCron: string;
  /** Timezone of new subscriptions (DIGEST_DEFAULT_TIMEZONE). */
  defaultTimezone: string;
  /** @default () => new Date() */
  now?: () => Date;
}

/** A request to follow something in a channel. */
export interface TrackRequest {
  platform: SubscriptionPlatform;
  channelId: string;
  /** A story id, or words describing a topic. */
  target: string;
  /** @default the configured default schedule */
  cron?: string;
  /** @default the configured default timezone */
  timezone?: string;
}

/** What `track` did: the subscription, whether it already existed, and the story a query matches now. */
export interface TrackResult {
  subscription: SubscriptionRecord;
  created: boolean;
  /** For a query: the title of the best matching story today, if any. For a story: its title. */
  matchedTitle: string | null;
}

/** Longest topic query kept; longer text is almost certainly a pasted article, not a topic. */
const MAX_TARGET_CHARS = 200;

/**
 * Which channels follow which stories or topics, and on what schedule. A story id is tracked as that
 * story; anything else is a topic query whose matching stories are looked up at each digest, so stories
 * that appear later are covered too. Subscription ids derive from channel and target, so tracking the same
 * thing twice changes the schedule instead of duplicating it.
 */
export class TrackingService {
  readonly #deps: TrackingDependencies;

  constructor(deps: TrackingDependencies) {
    this.#deps = deps;
  }

  /** Starts (or re-schedules) following a story or topic in a channel. */
  async track(request: TrackRequest): Promise<TrackResult> {
    const { storyStore, subscriptions, stories } = this.#deps;
    const target = request.target.trim().replace(/\s+/g, ' ');
    if (target.length === 0) throw new UserFacingError('track_empty', 'Tell me what to track: a story id (from /story) or a few words about the topic.');
    if (target.length > MAX_TARGET_CHARS) {
      throw new UserFacingError('track_too_long', `That is ${target.length} characters; describe the topic in at most ${MAX_TARGET_CHARS}.`);
    }
    const cron = request.cron?.trim() || this.#deps.defaultCron;
    const timezone = request.timezone?.trim() || this.#deps.defaultTimezone;
    const problem = scheduleProblem(cron, timezone);
    if (problem !== null) throw new UserFacingError('track_schedule_invalid', problem);

    const story = await storyStore.getStory(target);
    const targetKind = story ? 'story' : 'query';
    const id = subscriptionId(request.platform, request.channelId, targetKind, targetKind === 'query' ? target.toLowerCase() : target);
    // An untracked subscription that is tracked again starts afresh: no digest of what it missed meanwhile.
    const stored = await subscriptions.getSubscription(id);
    const existing = stored?.active ? stored : null;
    const subscription: SubscriptionRecord = {
      id,
      platform: request.platform,
      channelId: request.channelId,
      targetKind,
      target,
      cron,
      timezone,
      createdAt: existing?.createdAt ?? this.#now().toISOString(),
      lastDigestAt: existing?.lastDigestAt ?? null,
      active: true,
    };
    await subscriptions.saveSubscription(subscription);
    let matchedTitle = story?.title ?? null;
    if (!story) {
      const best = await stories.find(target);
      matchedTitle = best !== null ? ((await storyStore.getStory(best))?.title ?? null) : null;
    }
    return { subscription, created: existing === null, matchedTitle };
  }

  /** Stops following: by subscription id, story id or the query text, in this channel only. */
  async untrack(platform: SubscriptionPlatform, channelId: string, idOrTarget: string): Promise<SubscriptionRecord | null> {
    const wanted = idOrTarget.trim().toLowerCase();
    const match = (await this.list(platform, channelId)).find(
      (subscription) => subscription.id === idOrTarget.trim() || subscription.target.toLowerCase() === wanted,
    );
    if (!match) return null;
    await this.#deps.subscriptions.setSubscriptionActive(match.id, false);
    return match;
  }

  /** The active subscriptions of a channel, oldest first. */
  list(platform: SubscriptionPlatform, channelId: string): Promise<SubscriptionRecord[]> {
    return this.#deps.subscriptions.listSubscriptions({ platform, channelId, activeOnly: true });
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}

/** `sub-` + a short hash of where and what: stable, so re-tracking finds the same row. */
function subscriptionId(platform: string, channelId: string, kind: string, target: string): string {
  return `sub-${createHash('sha256').update(JSON.stringify([platform, channelId, kind, target])).digest('hex').slice(0, 12)}`;
}
