import type { types as SlackTypes } from '@slack/bolt';
import type { Answer, Citation } from '../../core/answer.js';
import { formatAnswerLines } from '../answer-lines.js';
import type { ChannelReply } from '../channel-event.js';
import { splitText, truncateText } from '../truncate-text.js';
import { escapeMrkdwn, slackFormat, slackLink } from './slack-text.js';

type KnownBlock = SlackTypes.KnownBlock;
type SectionBlock = SlackTypes.SectionBlock;
type ContextBlock = SlackTypes.ContextBlock;
type DividerBlock = SlackTypes.DividerBlock;
type HeaderBlock = SlackTypes.HeaderBlock;

/** Slack's documented limits. */
export const SLACK_LIMITS = { sectionText: 3000, blocksPerMessage: 50, contextText: 3000, headerText: 150 } as const;

/** A Slack message: fallback `text` (notifications, thread history) and Block Kit `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Options for {@link renderSlackAnswer}. */
export interface SlackRenderOptions {
  /** Show the question above the answer (a slash command's reply does not show what was asked). @default false */
  showQuestion?: boolean;
}

const MAX_ANSWER_SECTIONS = 8;
const MAX_QUOTE_CHARS = 600;
const FALLBACK_TEXT_CHARS = 2900;

/**
 * Renders an answer as Block Kit: the answer with [n] markers and ⚠️ on disputed claims, then a Sources
 * section (linked title, outlet, date, quoted passage). Long answers and many sources are trimmed with a
 * note so the message always stays within 3,000 characters per section and 50 blocks.
 */
export function renderSlackAnswer(answer: Answer, options: SlackRenderOptions = {}): SlackMessage {
  const head: KnownBlock[] = [];
  if (options.showQuestion) head.push(context(`*Question:* ${escapeMrkdwn(truncateText(answer.question, 500))}`));

  const body = formatAnswerLines(answer, slackFormat).join('\n');
  let sections = splitText(body, SLACK_LIMITS.sectionText);
  const notes: string[] = [];
  if (sections.length > MAX_ANSWER_SECTIONS) {
    const hidden = sections.slice(MAX_ANSWER_SECTIONS).join('').length;
    sections = sections.slice(0, MAX_ANSWER_SECTIONS);
    notes.push(`The answer was trimmed to fit Slack's limits (${hidden.toLocaleString('en-US')} more characters not shown).`);
  }
  const answerBlocks: KnownBlock[] = sections.map(section);
  const tail: KnownBlock[] = [];
  if (answer.notice) tail.push(context(`_${escapeMrkdwn(truncateText(answer.notice, 2000))}_`));
  const storyLinks = (answer.stories ?? []).filter((story) => story.url).map((story) => `:newspaper: ${slackLink(story.url ?? null, `Full timeline: ${truncateText(story.title, 200)}`)}`);
  if (storyLinks.length > 0) tail.push(context(storyLinks.join('\n')));

  const sourceBlocks: KnownBlock[] = [];
  if (answer.citations.length > 0) {
    // Reserve room for the divider, the header and a possible trimming note.
    const room = SLACK_LIMITS.blocksPerMessage - head.length - answerBlocks.length - tail.length - 3;
    const shown = answer.citations.slice(0, Math.max(0, room));
    sourceBlocks.push({ type: 'divider' } satisfies DividerBlock, header('Sources'));
    for (const citation of shown) sourceBlocks.push(section(renderCitation(citation)));
    const hidden = answer.citations.length - shown.length;
    if (hidden > 0) notes.push(`${hidden} more ${hidden === 1 ? 'source is' : 'sources are'} not shown (Slack allows 50 blocks per message).`);
  }
  const noteBlocks = notes.length > 0 ? [context(`_${escapeMrkdwn(notes.join(' '))}_`)] : [];
  return {
    text: truncateText(escapeMrkdwn(fallbackText(answer)), FALLBACK_TEXT_CHARS),
    blocks: [...head, ...answerBlocks, ...tail, ...sourceBlocks, ...noteBlocks],
  };
}

/** Renders any channel reply: an answer as above, a plain message as one escaped section. */
export function renderSlackReply(reply: ChannelReply, options: SlackRenderOptions = {}): SlackMessage {
  if (reply.kind === 'answer') return renderSlackAnswer(reply.answer, options);
  const text = truncateText(escapeMrkdwn(reply.text), SLACK_LIMITS.sectionText);
  return { text, blocks: [section(reply.tone === 'error' ? `:warning: ${text}` : text)] };
}

function renderCitation(citation: Citation): string {
  const meta = [citation.source, citation.published?.slice(0, 10)].filter((part): part is string => Boolean(part));
  const quote = truncateText(citation.quote.replace(/\s+/g, ' ').trim(), MAX_QUOTE_CHARS);
  const lines = [
    `*[${citation.n}]* ${slackLink(citation.url, truncateText(citation.title, 300))}`,
    meta.length > 0 ? `_${escapeMrkdwn(meta.join(' · '))}_` : '',
    quote ? `> ${escapeMrkdwn(quote)}` : '',
  ];
  return truncateText(lines.filter(Boolean).join('\n'), SLACK_LIMITS.sectionText);
}

/** The plain text Slack shows in notifications; also what a later thread reply reads back as history. */
function fallbackText(answer: Answer): string {
  return answer.answer.trim() || answer.statements.map((statement) => statement.text).join(' ');
}

// `verbatim: true` stops Slack from auto-linking names and mentions in article text.
function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateText(text, SLACK_LIMITS.contextText), verbatim: true }] };
}

function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncateText(text, SLACK_LIMITS.headerText), emoji: true } };
}
