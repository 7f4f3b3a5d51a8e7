import { UserFacingError } from '../../core/errors.js';
import type { StoryService } from '../../stories/story-service.js';
import { infoReply } from '../channel-event.js';
import type { ChannelCommand } from '../command-registry.js';
import type { ChannelCommandShape } from './story-command-shape.js';
import { type DigestFormat, formatDigestClaim, plainDigestFormat } from './digest-lines.js';

/** Timeline entries shown in chat; the CLI shows all of them. */
const MAX_TIMELINE = 8;
const MAX_DISPUTES = 5;

/** Name, description and options of /story: what Discord registers, without the services. */
export const storyCommandShape: ChannelCommandShape = {
  name: 'story',
  description: "A story's timeline and disputes (by id or topic), or the latest stories",
  options: [{ name: 'id_or_query', description: 'A story id or a few words; empty lists recent stories', type: 'string' }],
};

/** `/story id_or_query:` — one story's timeline and disputes, or the list of recent stories. */
export function createStoryCommand(stories: StoryService, format: DigestFormat = plainDigestFormat): ChannelCommand {
  return {
    ...storyCommandShape,
    handler: async (invocation) => {
      const raw = invocation.options.id_or_query;
      const wanted = typeof raw === 'string' ? raw.trim() : '';
      if (wanted === '') {
        const recent = (await stories.list()).slice(0, 10);
        if (recent.length === 0) return infoReply('There are no stories yet.');
        return infoReply(`Latest stories:\n${recent.map((story) => `• ${story.title} — ${story.sources.join(', ') || 'unknown outlets'} (${story.id})`).join('\n')}`);
      }
      const story = await stories.get(wanted);
      if (!story) throw new UserFacingError('story_not_found', `I found no story about "${wanted}".`);
      const lines = [`${story.title} (${story.id}) — ${story.articleIds.length} articles from ${story.sources.join(', ') || 'unknown outlets'}`];
      const timeline = story.timeline.slice(-MAX_TIMELINE);
      if (timeline.length > 0) lines.push('Timeline:', ...timeline.map((entry) => `• ${entry.date?.slice(0, 10) ?? 'undated'}: ${formatDigestClaim({ text: entry.text, citation: entry.citation }, format)}`));
      if (story.disputes.length > 0) {
        lines.push('Disputes:');
        for (const dispute of story.disputes.slice(0, MAX_DISPUTES)) {
          lines.push(`• ⚠️ ${formatDigestClaim({ text: dispute.claim, citation: dispute.claimCitation }, format)}`);
          lines.push(`    ↳ ${formatDigestClaim({ text: dispute.counter, citation: dispute.counterCitation }, format)}`);
        }
      }
      lines.push(`Follow it here with /track ${story.id}`);
      return infoReply(lines.join('\n'));
    },
  };
}
