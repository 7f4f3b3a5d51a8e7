import type { SqliteStoryStore } from '../../providers/sqlite-story-store.js';
import type { DigestBuilder } from '../../stories/digest/build-digest.js';
import { isEmptyDigest } from '../../stories/digest/digest.js';
import { digestsNow } from '../../stories/digest/digest-now.js';
import { infoReply } from '../channel-event.js';
import type { ChannelCommand } from '../command-registry.js';
import type { ChannelCommandShape } from './story-command-shape.js';
import { formatDigestText } from './digest-lines.js';

export interface DigestCommandDependencies {
  builder: DigestBuilder;
  storyStore: SqliteStoryStore;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Name, description and options of /digest: what Discord registers, without the services. */
export const digestCommandShape: ChannelCommandShape = {
  name: 'digest',
  description: "Show now what is new in this channel's tracked stories since the last digest",
  options: [],
};

/** `/digest` — what is new for this channel's tracked stories since their last digest, now. */
export function createDigestCommand(deps: DigestCommandDependencies): ChannelCommand {
  return {
    ...digestCommandShape,
    handler: async (invocation) => {
      const now = (deps.now ?? (() => new Date()))();
      const digests = await digestsNow(deps.builder, deps.storyStore, { platform: invocation.platform, channelId: invocation.channelId, now });
      if (digests.length === 0) return infoReply('This channel tracks nothing yet. Start with /track and a story id or a topic.');
      const withNews = digests.filter((digest) => !isEmptyDigest(digest));
      if (withNews.length === 0) return infoReply('Nothing new in the tracked stories since the last digest.');
      return infoReply(withNews.map((digest) => formatDigestText(digest)).join('\n\n'));
    },
  };
}
