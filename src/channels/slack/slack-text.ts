import type { InlineFormat } from '../answer-lines.js';

const BROADCAST = /@(channel|here|everyone)\b/gi;

/**
 * Escapes text for Slack mrkdwn. `&`, `<` and `>` are the characters Slack's own docs say to escape: with
 * them escaped, `<!channel>`, `<@U123>` and `<url|label>` in article text are shown, never acted on. A
 * zero-width space after `@` also defuses a bare `@channel`, in case a client still links it.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(BROADCAST, '@\u200b$1');
}

/** A mrkdwn link; anything but http(s) URLs becomes plain text, so article data cannot inject other schemes. */
export function slackLink(url: string | null, label: string): string {
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\//i.test(url)) return text;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C').replace(/\s/g, '%20');
  return `<${safeUrl}|${text}>`;
}

/** Slack's mrkdwn flavour of inline formatting. */
export const slackFormat: InlineFormat = {
  escape: escapeMrkdwn,
  bold: (text) => `*${text}*`,
  italic: (text) => `_${text}_`,
};

/**
 * Turns the mrkdwn text of an incoming Slack message back into what the user typed: the bot's own mention
 * removed, links reduced to their label or URL, entities unescaped.
 */
export function questionFromSlackText(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, (whole, id: string) => (id === botUserId ? ' ' : whole))
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
