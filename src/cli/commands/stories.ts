import type { Command } from 'commander';
import { UserFacingError } from '../../core/errors.js';
import type { StoryDetail, StorySummary } from '../../stories/story-view.js';
import type { CliContext } from '../cli-context.js';

/** `stories [--json]` lists every story; `story ID_OR_QUERY [--json]` shows one with its timeline and disputes. */
export function registerStoriesCommands(program: Command, context: CliContext): void {
  program
    .command('stories')
    .description('List the stories the articles were grouped into, most recently active first')
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; json?: boolean }) => {
      const storydesk = await context.open(options.data);
      try {
        const stories = (await storydesk.stories?.list()) ?? [];
        context.print(options.json ? JSON.stringify({ stories: stories.map(summaryJson) }) : renderStoryList(stories));
      } finally {
        await storydesk.close();
      }
    });

  program
    .command('story')
    .description('Show one story (by id, article id or a query) with its dated timeline and disputed claims')
    .argument('<idOrQuery>', 'a story id, an article id, or words describing the story')
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .action(async (idOrQuery: string, options: { data?: string; json?: boolean }) => {
      const storydesk = await context.open(options.data);
      try {
        const story = await storydesk.stories?.get(idOrQuery);
        if (!story) {
          throw new UserFacingError('story_not_found', `No story matches "${idOrQuery}". Run \`stories\` to see the story ids.`);
        }
        context.print(options.json ? JSON.stringify(detailJson(story)) : renderStory(story));
      } finally {
        await storydesk.close();
      }
    });
}

/** The contract shape of a listed story. */
export function summaryJson(story: StorySummary): Record<string, unknown> {
  return {
    id: story.id,
    title: story.title,
    articleIds: story.articleIds,
    sources: story.sources,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
  };
}

/** The contract shape of one story with its timeline and disputes (plus its later confirmations). */
export function detailJson(story: StoryDetail): Record<string, unknown> {
  return {
    ...summaryJson(story),
    timeline: story.timeline.map(({ date, text, citation }) => ({ date, text, citation })),
    disputes: story.disputes.map((dispute) => ({
      claim: dispute.claim,
      counter: dispute.counter,
      kind: dispute.kind,
      claimCitation: dispute.claimCitation,
      counterCitation: dispute.counterCitation,
      disputedBy: dispute.disputedBy ?? null,
    })),
    confirmations: story.confirmations.map((confirmation) => ({
      claim: confirmation.claim,
      confirmation: confirmation.confirmation,
      claimCitation: confirmation.claimCitation,
      confirmationCitation: confirmation.confirmationCitation,
      confirmedBy: confirmation.confirmedBy ?? null,
    })),
  };
}

function day(date: string | null): string {
  return date ? date.slice(0, 10) : 'undated';
}

function span(story: StorySummary): string {
  const first = day(story.firstSeen);
  const last = day(story.lastSeen);
  return first === last ? first : `${first} – ${last}`;
}

function renderStoryList(stories: StorySummary[]): string {
  if (stories.length === 0) return 'No stories yet. Ingest some articles first: npm run cli -- ingest --corpus DIR';
  const lines = stories.map((story) => {
    const count = `${story.articleIds.length} article${story.articleIds.length === 1 ? '' : 's'}`;
    const sources = story.sources.length > 0 ? ` · ${story.sources.join(', ')}` : '';
    return `${story.id}  ${story.title}\n    ${span(story)} · ${count}${sources}`;
  });
  return `${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}\n\n${lines.join('\n')}`;
}

function cite(citation: { source: string | null; title: string; url: string | null }): string {
  return `${citation.source ?? 'unknown outlet'}, "${citation.title}"${citation.url ? ` ${citation.url}` : ''}`;
}

function renderStory(story: StoryDetail): string {
  const lines = [
    story.title,
    `${story.id} · ${span(story)} · ${story.articleIds.length} articles · ${story.sources.join(', ') || 'no outlet'}`,
    '',
    'Timeline',
  ];
  for (const entry of story.timeline) {
    lines.push(`  ${day(entry.date)}  “${entry.text}”`, `              — ${cite(entry.citation)}`);
  }
  if (story.disputes.length > 0) {
    lines.push('', 'Disputed');
    for (const dispute of story.disputes) {
      lines.push(`  ✗ ${dispute.kind}${dispute.disputedBy ? ` by ${dispute.disputedBy}` : ''}`);
      lines.push(`    claim:   “${dispute.claim}” — ${cite(dispute.claimCitation)}`);
      lines.push(`    counter: “${dispute.counter}” — ${cite(dispute.counterCitation)}`);
    }
  }
  if (story.confirmations.length > 0) {
    lines.push('', 'Confirmed later');
    for (const confirmation of story.confirmations) {
      lines.push(`  ✓ confirmed${confirmation.confirmedBy ? ` by ${confirmation.confirmedBy}` : ''}`);
      lines.push(`    claim:        “${confirmation.claim}” — ${cite(confirmation.claimCitation)}`);
      lines.push(`    confirmation: “${confirmation.confirmation}” — ${cite(confirmation.confirmationCitation)}`);
    }
  }
  return lines.join('\n');
}
