import type { CommandOptionValue } from '../command-registry.js';

/** A command spelled out in a mention, e.g. "@storydesk track ByteDance Huawei chips". */
export interface MentionCommand {
  name: 'track' | 'untrack' | 'tracked' | 'digest' | 'story';
  options: Record<string, CommandOptionValue>;
}

/** The option each command's free text fills. */
const TEXT_OPTION: Record<MentionCommand['name'], string | null> = {
  track: 'target',
  untrack: 'id',
  tracked: null,
  digest: null,
  story: 'id_or_query',
};

const MENTION_COMMAND = /^\s*\/?(track|untrack|tracked|digest|story)\b[:,]?\s*([\s\S]*)$/i;

/**
 * Reads a mention's text (already stripped of the bot's mention) as a tracking command when it starts
 * with one of the command words, so "@storydesk track ByteDance Huawei chips" works like `/track`.
 * Returns null for anything else, which is answered as a question.
 */
export function commandFromMention(text: string): MentionCommand | null {
  const match = MENTION_COMMAND.exec(text);
  if (!match) return null;
  const name = (match[1] ?? '').toLowerCase() as MentionCommand['name'];
  const rest = (match[2] ?? '').trim();
  const option = TEXT_OPTION[name];
  // "track" alone is more likely a question ("track record of…") than a command without a target.
  if (option === 'target' && rest === '') return null;
  if (option === null) return rest === '' ? { name, options: {} } : null;
  return { name, options: rest === '' ? {} : { [option]: rest } };
}
