import type { SubscriptionRecord } from '../../core/story.js';
import type { SubscriptionStore } from '../../core/subscription-store.js';
import type { DigestBuilder } from '../../stories/digest/build-digest.js';
import { type Digest, isEmptyDigest } from '../../stories/digest/digest.js';
import { digestsNow } from '../../stories/digest/digest-now.js';
import { infoReply } from '../channel-event.js';
import type { ChannelCommand } from '../command-registry.js';
import type { ChannelCommandShape } from './story-command-shape.js';
import { formatDigestText } from './digest-lines.js';

export interface DigestCommandDependencies {
  builder: DigestBuilder;
  subscriptions: SubscriptionStore;
  /**
   * Posts a digest natively (blocks, embeds) through the outbox and moves the channel's window on, so the
   * next scheduled digest does not repeat it (`DigestScheduler.postNow`). Without it, or when it returns
   * false, the digest is the command's plain-text reply instead.
   */
  post?: (subscription: SubscriptionRecord, digest: Digest) => Promise<boolean>;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Name, description and options of /digest: what Discord registers, without the services. */
export const digestCommandShape: ChannelCommandShape = {
  name: 'digest',
  description: "Show now what is new in this channel's tracked stories since the last digest",
  options: [],
};

/** `/digest` — what is new for this channel's tracked stories since their last digest, posted now. */
export function createDigestCommand(deps: DigestCommandDependencies): ChannelCommand {
  return {
    ...digestCommandShape,
    handler: async (invocation) => {
      const now = (deps.now ?? (() => new Date()))();
      const digests = await digestsNow(deps.builder, deps.subscriptions, { platform: invocation.platform, channelId: invocation.channelId, now });
      if (digests.length === 0) return infoReply('This channel tracks nothing yet. Start with /track and a story id or a topic.');
      const withNews = digests.filter((digest) => !isEmptyDigest(digest));
      if (withNews.length === 0) return infoReply('Nothing new in the tracked stories since the last digest.');
      const asText: Digest[] = [];
      let posted = 0;
      for (const digest of withNews) {
        const subscription = await deps.subscriptions.getSubscription(digest.subscriptionId);
        if (subscription && deps.post && (await deps.post(subscription, digest))) posted += 1;
        else asText.push(digest);
      }
      if (asText.length === 0) return infoReply(`Posted ${posted === 1 ? 'the digest' : `${posted} digests`} in this channel; the next scheduled digest starts from here.`);
      return infoReply(asText.map((digest) => formatDigestText(digest)).join('\n\n'));
    },
  };
}
