import type { TrackingService } from '../../stories/tracking/tracking-service.js';
import { infoReply } from '../channel-event.js';
import type { ChannelCommand } from '../command-registry.js';
import type { ChannelCommandShape } from './story-command-shape.js';

/** Name, description and options of /tracked: what Discord registers, without the services. */
export const trackedCommandShape: ChannelCommandShape = {
  name: 'tracked',
  description: 'List the stories and topics this channel follows',
  options: [],
};

/** `/tracked` — what this channel follows, with schedules and ids. */
export function createTrackedCommand(tracking: TrackingService): ChannelCommand {
  return {
    ...trackedCommandShape,
    handler: async (invocation) => {
      const subscriptions = await tracking.list(invocation.platform, invocation.channelId);
      if (subscriptions.length === 0) return infoReply('This channel tracks nothing yet. Start with /track and a story id or a topic.');
      const lines = subscriptions.map(
        (subscription) =>
          `• ${subscription.targetKind === 'story' ? 'Story' : 'Topic'} "${subscription.target}" — "${subscription.cron}" (${subscription.timezone}), last digest ${subscription.lastDigestAt ?? 'not yet'} — id ${subscription.id}`,
      );
      return infoReply(`This channel tracks:\n${lines.join('\n')}`);
    },
  };
}
