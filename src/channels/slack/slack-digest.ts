import type { types as SlackTypes } from '@slack/bolt';
import type { Digest } from '../../stories/digest/digest.js';
import type { DigestSink } from '../../stories/digest/digest-sink.js';
import type { SubscriptionRecord } from '../../core/story.js';
import { type DigestFormat, type DigestRenderOptions, digestHeadline, formatDigestStory } from '../commands/digest-lines.js';
import { SLACK_LIMITS, type SlackMessage } from './render-slack-answer.js';
import { escapeMrkdwn, slackFormat, slackLink } from './slack-text.js';
import { splitText, truncateText } from '../truncate-text.js';

type KnownBlock = SlackTypes.KnownBlock;

const slackDigestFormat: DigestFormat = { ...slackFormat, link: slackLink };
/** Room left for the trimming note at the end. */
const RESERVED_BLOCKS = 1;
const FALLBACK_TEXT_CHARS = 3000;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncateText(text, SLACK_LIMITS.contextText), verbatim: true }],
});

/**
 * A digest as Block Kit: a header, then per story its title, new articles, key claims and flagged
 * disputes in sections of at most 3,000 characters; stories past the 50-block limit are counted in a note.
 */
export function renderSlackDigest(digest: Digest, options: DigestRenderOptions = {}): SlackMessage {
  const headline = digestHeadline(digest);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncateText(headline, SLACK_LIMITS.headerText), emoji: true } }];
  let hiddenStories = 0;
  for (const story of digest.stories) {
    const parts = formatDigestStory(story, slackDigestFormat);
    const page = options.storyUrl?.(story.storyId);
    const timeline = page ? `\n:newspaper: ${slackLink(page, 'Full timeline')}` : '';
    const storyBlocks: KnownBlock[] = [{ type: 'divider' }, section(`*${escapeMrkdwn(truncateText(parts.title, 300))}*  \`${story.storyId}\`${timeline}`)];
    const addList = (label: string, lines: string[]): void => {
      if (lines.length === 0) return;
      for (const chunk of splitText(`*${label}*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText)) storyBlocks.push(section(chunk));
    };
    addList('New articles', parts.articles);
    addList('Key claims', parts.claims);
    addList('Disputes', parts.disputes);
    addList('Confirmed', parts.confirmations);
    if (blocks.length + storyBlocks.length > SLACK_LIMITS.blocksPerMessage - RESERVED_BLOCKS) {
      hiddenStories += 1;
      continue;
    }
    blocks.push(...storyBlocks);
  }
  if (digest.stories.length === 0) blocks.push(context('_Nothing new since the last digest._'));
  if (hiddenStories > 0) blocks.push(context(`_${hiddenStories} more ${hiddenStories === 1 ? 'story is' : 'stories are'} not shown (Slack allows 50 blocks per message)._`));
  return { text: truncateText(escapeMrkdwn(headline), FALLBACK_TEXT_CHARS), blocks };
}

/** The part of Slack's WebClient the sink uses (Bolt's `app.client` or a `WebClient`). */
export interface SlackPoster {
  chat: { postMessage(arguments_: { channel: string; text: string; blocks: KnownBlock[]; unfurl_links?: boolean }): Promise<unknown> };
}

/** Posts digests to Slack channels with chat.postMessage. */
export class SlackDigestSink implements DigestSink {
  readonly #client: SlackPoster;
  readonly #options: DigestRenderOptions;

  constructor(client: SlackPoster, options: DigestRenderOptions = {}) {
    this.#client = client;
    this.#options = options;
  }

  async post(subscription: SubscriptionRecord, digest: Digest): Promise<void> {
    const message = renderSlackDigest(digest, this.#options);
    await this.#client.chat.postMessage({ channel: subscription.channelId, text: message.text, blocks: message.blocks, unfurl_links: false });
  }
}
