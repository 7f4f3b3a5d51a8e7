import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Digest } from '../../stories/digest/digest.js';
import type { DigestSink } from '../../stories/digest/digest-sink.js';
import type { SubscriptionRecord } from '../../core/story.js';
import { type DigestFormat, type DigestRenderOptions, digestHeadline, formatDigestStory } from '../commands/digest-lines.js';
import { DISCORD_LIMITS, type DiscordMessage } from './render-discord-answer.js';
import { discordFormat, discordLink } from './discord-text.js';
import { truncateText } from '../truncate-text.js';

const discordDigestFormat: DigestFormat = { ...discordFormat, link: discordLink };
const COLOR_NEWS = 0x2b6cb0;
const COLOR_DISPUTED = 0xd69e2e;
/** Discord allows 10 embeds per message. */
const MAX_EMBEDS = 10;

/** Fields of at most 1,024 characters, cutting between lines (a long list spills into "(cont.)" fields). */
function fields(name: string, lines: string[]): APIEmbedField[] {
  const result: APIEmbedField[] = [];
  let current = '';
  for (const line of lines.map((text) => truncateText(text, DISCORD_LIMITS.fieldValue))) {
    if (current !== '' && current.length + 1 + line.length > DISCORD_LIMITS.fieldValue) {
      result.push({ name: result.length === 0 ? name : `${name} (cont.)`, value: current });
      current = line;
    } else {
      current = current === '' ? line : `${current}\n${line}`;
    }
  }
  if (current !== '') result.push({ name: result.length === 0 ? name : `${name} (cont.)`, value: current });
  return result;
}

function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
}

/**
 * A digest as embeds: one per story (amber when it has disputes) with fields for new articles, key
 * claims and disputes, inside Discord's 10 embeds, 25 fields, 1,024 per field and 6,000 characters per
 * message; what does not fit is counted in the message content.
 */
export function renderDiscordDigest(digest: Digest, options: DigestRenderOptions = {}): DiscordMessage {
  const embeds: APIEmbed[] = [];
  let total = 0;
  let hidden = 0;
  for (const story of digest.stories) {
    const parts = formatDigestStory(story, discordDigestFormat);
    const embed: APIEmbed = {
      title: truncateText(parts.title, DISCORD_LIMITS.embedTitle),
      color: story.disputes.length > 0 ? COLOR_DISPUTED : COLOR_NEWS,
      fields: [...fields('New articles', parts.articles), ...fields('Key claims', parts.claims), ...fields('Disputes', parts.disputes), ...fields('Confirmed', parts.confirmations)].slice(0, DISCORD_LIMITS.fieldsPerEmbed),
      footer: { text: story.storyId },
    };
    const page = options.storyUrl?.(story.storyId);
    if (page && /^https?:\/\//i.test(page)) {
      embed.url = page;
      embed.description = `📰 ${discordLink(page, 'Full timeline')}`;
    }
    const length = embedLength(embed);
    if (embeds.length >= MAX_EMBEDS || total + length > DISCORD_LIMITS.charactersPerMessage - 200) {
      hidden += 1;
      continue;
    }
    embeds.push(embed);
    total += length;
  }
  const note = hidden > 0 ? ` (${hidden} more ${hidden === 1 ? 'story' : 'stories'} not shown: Discord's message limits)` : '';
  const empty = digest.stories.length === 0 ? ' Nothing new since the last digest.' : '';
  return { content: truncateText(`**${discordFormat.escape(digestHeadline(digest))}**${note}${empty}`, DISCORD_LIMITS.content), embeds, allowedMentions: { parse: [] } };
}

/** Sends a message to a channel: discord.js `REST.post(Routes.channelMessages(id), { body })` or `channel.send`. */
export type DiscordChannelSender = (channelId: string, message: DiscordMessage) => Promise<unknown>;

/** Posts digests to Discord channels. */
export class DiscordDigestSink implements DigestSink {
  readonly #send: DiscordChannelSender;
  readonly #options: DigestRenderOptions;

  constructor(send: DiscordChannelSender, options: DigestRenderOptions = {}) {
    this.#send = send;
    this.#options = options;
  }

  async post(subscription: SubscriptionRecord, digest: Digest): Promise<void> {
    await this.#send(subscription.channelId, renderDiscordDigest(digest, this.#options));
  }
}

/** The part of discord.js's `REST` client the sender uses. */
export interface DiscordRestPoster {
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

/**
 * A sender over Discord's HTTP API (no gateway connection needed), for the scheduler process: the API's
 * own field names (`allowed_mentions`) rather than discord.js's message options.
 */
export function discordRestSender(rest: DiscordRestPoster): DiscordChannelSender {
  return (channelId, message) =>
    rest.post(`/channels/${encodeURIComponent(channelId)}/messages`, {
      body: { content: message.content, embeds: message.embeds, allowed_mentions: { parse: [] } },
    });
}
