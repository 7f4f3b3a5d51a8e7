import type { SqliteStoryStore } from '../../providers/sqlite-story-store.js';
import type { DigestBuilder } from '../../stories/digest/build-digest.js';
import type { StoryService } from '../../stories/story-service.js';
import type { TrackingService } from '../../stories/tracking/tracking-service.js';
import type { CommandRegistry } from '../command-registry.js';
import { createDigestCommand } from './digest-command.js';
import { createStoryCommand } from './story-command.js';
import { createTrackCommand } from './track-command.js';
import { createTrackedCommand } from './track-list-command.js';
import { createUntrackCommand } from './track-untrack-command.js';

export interface StoryCommandDependencies {
  stories: StoryService;
  tracking: TrackingService;
  builder: DigestBuilder;
  storyStore: SqliteStoryStore;
  now?: () => Date;
}

/** Registers /story, /track, /untrack, /tracked and /digest on a channel command registry. */
export function registerStoryCommands(registry: CommandRegistry, deps: StoryCommandDependencies): CommandRegistry {
  return registry
    .register(createStoryCommand(deps.stories))
    .register(createTrackCommand(deps.tracking))
    .register(createUntrackCommand(deps.tracking))
    .register(createTrackedCommand(deps.tracking))
    .register(createDigestCommand({ builder: deps.builder, storyStore: deps.storyStore, ...(deps.now ? { now: deps.now } : {}) }));
}
