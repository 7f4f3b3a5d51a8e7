import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Citation } from '../../core/answer.js';
import { formatAnswerLines } from '../answer-lines.js';
import type { ChannelReply } from '../channel-event.js';
import { truncateText } from '../truncate-text.js';
import { discordLink, escapeDiscord, discordFormat } from './discord-text.js';

/** Discord's documented limits. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  embedFooter: 2048,
  charactersPerMessage: 6000,
} as const;

/** A Discord message body; `allowedMentions` is always empty so nothing in it can ping anyone. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  allowedMentions: { parse: [] };
}

const COLOR_SUPPORTED = 0x2b6cb0;
const COLOR_DISPUTED = 0xd69e2e;
const MAX_QUOTE_CHARS = 300;
/** Room kept for sources when the answer is long, so a long answer cannot push every source out. */
const SOURCE_RESERVE = 1800;
const TITLE = 'Answer';

/**
 * Renders an answer as one embed: the answer with [n] markers and ⚠️ on disputed claims as the
 * description, the sources as fields (outlet and date; linked title and quote). Trims with a note to
 * stay inside 4,096 per description, 1,024 per field, 25 fields and 6,000 characters per message.
 */
export function renderDiscordAnswer(answer: Answer): DiscordMessage {
  const sourceNeed = Math.min(SOURCE_RESERVE, answer.citations.reduce((sum, citation) => sum + fieldFor(citation).value.length + 40, 0));
  const footerReserve = 160;
  const descriptionBudget = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.charactersPerMessage - TITLE.length - sourceNeed - footerReserve);
  const notes: string[] = [];

  let description = formatAnswerLines(answer, discordFormat).join('\n');
  if (answer.notice) description += `\n\n*${escapeDiscord(answer.notice)}*`;
  // Story links go last in the description, so trimming a long answer cuts the answer, never the links.
  const storyLinks = (answer.stories ?? []).filter((story) => story.url).map((story) => `📰 ${discordLink(story.url ?? null, `Full timeline: ${truncateText(story.title, 200)}`)}`);
  const linkText = storyLinks.length > 0 ? `\n\n${storyLinks.join('\n')}` : '';
  if (description.length + linkText.length > descriptionBudget) {
    const note = '\n… *(answer trimmed to fit Discord’s limits)*';
    // A cut can leave half of an escape ("\\*"); a dangling backslash would swallow the note's first character.
    description = truncateText(description, descriptionBudget - linkText.length - note.length, '').replace(/\\+$/, '') + note;
  }
  description += linkText;

  let used = TITLE.length + description.length + footerReserve;
  const fields: APIEmbedField[] = [];
  for (const citation of answer.citations) {
    const field = fieldFor(citation);
    const size = field.name.length + field.value.length;
    if (fields.length >= DISCORD_LIMITS.fieldsPerEmbed || used + size > DISCORD_LIMITS.charactersPerMessage) break;
    fields.push(field);
    used += size;
  }
  const hidden = answer.citations.length - fields.length;
  if (hidden > 0) notes.push(`${hidden} more ${hidden === 1 ? 'source' : 'sources'} not shown (Discord's message limits).`);

  const embed: APIEmbed = {
    title: TITLE,
    description: description || escapeDiscord(answer.answer).slice(0, DISCORD_LIMITS.embedDescription),
    color: answer.disputes.length > 0 || answer.statements.some((statement) => statement.status !== 'supported') ? COLOR_DISPUTED : COLOR_SUPPORTED,
  };
  if (fields.length > 0) embed.fields = fields;
  if (notes.length > 0) embed.footer = { text: truncateText(notes.join(' '), footerReserve) };
  return { embeds: [embed], allowedMentions: { parse: [] } };
}

/** Renders any channel reply: an answer as above, a plain message as escaped content. */
export function renderDiscordReply(reply: ChannelReply): DiscordMessage {
  if (reply.kind === 'answer') return renderDiscordAnswer(reply.answer);
  const text = truncateText(escapeDiscord(reply.text), DISCORD_LIMITS.content - 3);
  return { content: reply.tone === 'error' ? `⚠️ ${text}` : text, embeds: [], allowedMentions: { parse: [] } };
}

function fieldFor(citation: Citation): APIEmbedField {
  const meta = [citation.source, citation.published?.slice(0, 10)].filter((part): part is string => Boolean(part)).join(' · ');
  const name = truncateText(`[${citation.n}] ${escapeDiscord(meta) || 'Source'}`, DISCORD_LIMITS.fieldName);
  const quote = truncateText(citation.quote.replace(/\s+/g, ' ').trim(), MAX_QUOTE_CHARS);
  const value = [discordLink(citation.url, truncateText(citation.title, 200)), quote ? `> ${escapeDiscord(quote)}` : '']
    .filter(Boolean)
    .join('\n');
  return { name, value: truncateText(value, DISCORD_LIMITS.fieldValue), inline: false };
}
