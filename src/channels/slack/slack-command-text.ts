import type { CommandOption, CommandOptionValue } from '../command-registry.js';

/** The options of a Slack slash command, or why its text could not be read. */
export type SlackCommandParse = { ok: true; options: Record<string, CommandOptionValue> } | { ok: false; message: string };

/**
 * Reads a slash command's free text into registry options. Slack passes one string, so `name:value` (or
 * `name:"two words"`) sets a named option and the remaining text fills the first string option not set:
 * `/ask what happened?` and `/track topic:"Huawei chips"` both read naturally.
 */
export function parseSlackCommandText(text: string, options: readonly CommandOption[]): SlackCommandParse {
  const values: Record<string, CommandOptionValue> = {};
  const names = new Set(options.map((option) => option.name));
  const rest = text.replace(/(?:^|\s)([a-z0-9_-]+):(?:"([^"]*)"|(\S+))/g, (whole, name: string, quoted?: string, bare?: string) => {
    if (!names.has(name)) return whole;
    values[name] = quoted ?? bare ?? '';
    return ' ';
  });
  const free = rest.replace(/\s+/g, ' ').trim();
  const target = options.find((option) => option.type === 'string' && !(option.name in values));
  if (free !== '' && target) values[target.name] = free;

  for (const option of options) {
    const raw = values[option.name];
    if (raw === undefined || option.type === 'string') continue;
    if (option.type === 'integer') {
      const number = Number(raw);
      if (!Number.isInteger(number)) return { ok: false, message: `Option ${option.name} needs a whole number, not "${raw}".` };
      values[option.name] = number;
    } else {
      const flag = String(raw).toLowerCase();
      if (!['true', 'false', 'yes', 'no'].includes(flag)) return { ok: false, message: `Option ${option.name} needs yes or no, not "${raw}".` };
      values[option.name] = flag === 'true' || flag === 'yes';
    }
  }
  return { ok: true, options: values };
}
