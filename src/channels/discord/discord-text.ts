import type { InlineFormat } from '../answer-lines.js';

/**
 * Escapes text for Discord markdown: emphasis, code, spoiler and link characters get a backslash, line
 * starts that would make a quote, heading or list are escaped, and mentions are broken with a zero-width
 * space. Messages also carry `allowedMentions: { parse: [] }`; escaping keeps `@everyone` from even
 * looking like a ping.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(/[\\*_~`|[\]()]/g, '\\$&')
    .replace(/^(\s*)([>#-])/gm, '$1\\$2')
    .replace(/@(everyone|here)\b/gi, '@\u200b$1')
    .replace(/<([@#/:]|a:|t:)/g, '<\u200b$1');
}

/** A masked link to an http(s) URL; other schemes become plain text. */
export function discordLink(url: string | null, label: string): string {
  const text = escapeDiscord(label);
  if (!url || !/^https?:\/\//i.test(url)) return text;
  return `[${text}](${url.replace(/[()\s]/g, (character) => encodeURIComponent(character))})`;
}

/** Discord's markdown flavour of inline formatting. */
export const discordFormat: InlineFormat = {
  escape: escapeDiscord,
  bold: (text) => `**${text}**`,
  italic: (text) => `*${text}*`,
};
