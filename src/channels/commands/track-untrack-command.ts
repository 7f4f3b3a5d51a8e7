import { UserFacingError } from '../../core/errors.js';
import type { TrackingService } from '../../stories/tracking/tracking-service.js';
import { infoReply } from '../channel-event.js';
import type { ChannelCommand } from '../command-registry.js';
import type { ChannelCommandShape } from './story-command-shape.js';

/** Name, description and options of /untrack: what Discord registers, without the services. */
export const untrackCommandShape: ChannelCommandShape = {
  name: 'untrack',
  description: 'Stop following a story or topic in this channel',
  options: [{ name: 'id', description: 'The subscription id from /tracked (or the tracked story id or topic)', type: 'string', required: true }],
};

/** `/untrack id:` — stop following a story or topic in this channel. */
export function createUntrackCommand(tracking: TrackingService): ChannelCommand {
  return {
    ...untrackCommandShape,
    handler: async (invocation) => {
      const id = invocation.options.id;
      const wanted = typeof id === 'string' ? id.trim() : '';
      if (wanted === '') throw new UserFacingError('untrack_empty', 'Tell me which one to stop: see /tracked for the ids.');
      const removed = await tracking.untrack(invocation.platform, invocation.channelId, wanted);
      if (!removed) throw new UserFacingError('untrack_unknown', `This channel does not track "${wanted}". See /tracked for what it follows.`);
      return infoReply(`Stopped tracking "${removed.target}" here (id ${removed.id}).`);
    },
  };
}
