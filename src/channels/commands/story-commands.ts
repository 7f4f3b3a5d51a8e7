import type { SubscriptionStore } from '../../core/subscription-store.js';
import type { DigestScheduler } from '../../scheduler/digest-scheduler.js';
import type { DigestBuilder } from '../../stories/digest/build-digest.js';
import type { StoryService } from '../../stories/story-service.js';
import type { TrackingService } from '../../stories/tracking/tracking-service.js';
import type { CommandRegistry } from '../command-registry.js';
import { createDigestCommand, digestCommandShape } from './digest-command.js';
import { createStoryCommand, storyCommandShape } from './story-command.js';
import { registerCommandShapes } from './story-command-shape.js';
import { createTrackCommand, trackCommandShape } from './track-command.js';
import { createTrackedCommand, trackedCommandShape } from './track-list-command.js';
import { createUntrackCommand, untrackCommandShape } from './track-untrack-command.js';

export interface StoryCommandDependencies {
  stories: StoryService;
  tracking: TrackingService;
  builder: DigestBuilder;
  subscriptions: SubscriptionStore;
  /** Posts /digest natively through the outbox; without it /digest answers in plain text. */
  digests?: DigestScheduler;
  now?: () => Date;
}

/** Registers /story, /track, /untrack, /tracked and /digest on a channel command registry. */
export function registerStoryCommands(registry: CommandRegistry, deps: StoryCommandDependencies): CommandRegistry {
  return registry
    .register(createStoryCommand(deps.stories))
    .register(createTrackCommand(deps.tracking))
    .register(createUntrackCommand(deps.tracking))
    .register(createTrackedCommand(deps.tracking))
    .register(
      createDigestCommand({
        builder: deps.builder,
        subscriptions: deps.subscriptions,
        ...(deps.digests ? { post: (subscription, digest) => deps.digests?.postNow(subscription, digest) ?? Promise.resolve(false) } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      }),
    );
}

/** Registers the same five commands by name and options only, for `npm run discord:register`. */
export function registerStoryCommandShapes(registry: CommandRegistry): CommandRegistry {
  return registerCommandShapes(registry, [storyCommandShape, trackCommandShape, untrackCommandShape, trackedCommandShape, digestCommandShape]);
}
