import type { TrackingService } from '../../stories/tracking/tracking-service.js';
import { infoReply } from '../channel-event.js';
import type { ChannelCommand } from '../command-registry.js';
import type { ChannelCommandShape } from './story-command-shape.js';

/** Name, description and options of /track: what Discord registers, without the services. */
export const trackCommandShape: ChannelCommandShape = {
  name: 'track',
  description: 'Follow a story (id) or a topic here; new coverage arrives as scheduled digests',
  options: [
    { name: 'target', description: 'A story id from /story, or a few words about the topic', type: 'string', required: true },
    { name: 'schedule', description: 'Cron schedule, e.g. "0 9 * * 1-5" for weekdays at 09:00', type: 'string' },
    { name: 'timezone', description: 'IANA timezone of the schedule, e.g. Europe/Berlin', type: 'string' },
  ],
};

/** `/track target: [schedule:] [timezone:]` — follow a story or topic in this channel with scheduled digests. */
export function createTrackCommand(tracking: TrackingService): ChannelCommand {
  return {
    ...trackCommandShape,
    handler: async (invocation) => {
      const text = (name: string): string | undefined => {
        const value = invocation.options[name];
        return typeof value === 'string' ? value : undefined;
      };
      const cron = text('schedule');
      const timezone = text('timezone');
      const result = await tracking.track({
        platform: invocation.platform,
        channelId: invocation.channelId,
        target: text('target') ?? '',
        ...(cron ? { cron } : {}),
        ...(timezone ? { timezone } : {}),
      });
      const { subscription } = result;
      const what = subscription.targetKind === 'story' ? `the story "${result.matchedTitle ?? subscription.target}"` : `"${subscription.target}"`;
      const match =
        subscription.targetKind === 'query'
          ? result.matchedTitle
            ? ` The closest story right now is "${result.matchedTitle}".`
            : ' No story matches it yet; new coverage will be picked up as it arrives.'
          : '';
      const verb = result.created ? 'Now tracking' : 'Updated the schedule for';
      return infoReply(`${verb} ${what} (id ${subscription.id}): digests on "${subscription.cron}" (${subscription.timezone}).${match} Stop with /untrack ${subscription.id}.`);
    },
  };
}
