import type { CommandOption, CommandOptionType, CommandOptionValue, CommandRegistry } from '../command-registry.js';

/** Discord's application command option types for the registry's value types (STRING 3, INTEGER 4, BOOLEAN 5). */
const OPTION_TYPE: Record<CommandOptionType, 3 | 4 | 5> = { string: 3, integer: 4, boolean: 5 };

/** A chat-input (slash) command as Discord's API takes it. */
export interface DiscordCommandJson {
  type: 1;
  name: string;
  description: string;
  options: Array<{ type: 3 | 4 | 5; name: string; description: string; required: boolean }>;
}

/** The registry as Discord application commands (the body of PUT /applications/{id}/commands). */
export function toDiscordCommands(registry: CommandRegistry): DiscordCommandJson[] {
  return registry.list().map((command) => ({
    type: 1,
    name: command.name,
    description: command.description,
    // Discord requires required options before optional ones.
    options: [...command.options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false)).map(toDiscordOption),
  }));
}

function toDiscordOption(option: CommandOption): DiscordCommandJson['options'][number] {
  return { type: OPTION_TYPE[option.type], name: option.name, description: option.description, required: option.required ?? false };
}

/** Reads an interaction's top-level option values into registry form, ignoring types the registry does not use. */
export function optionsFromInteraction(data: ReadonlyArray<{ name: string; value?: unknown }>): Record<string, CommandOptionValue> {
  const options: Record<string, CommandOptionValue> = {};
  for (const option of data) {
    const value = option.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') options[option.name] = value;
  }
  return options;
}
