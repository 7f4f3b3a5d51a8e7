import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { CommandOption, CommandOptionType, CommandOptionValue, CommandRegistry } from '../command-registry.js';

/** The option types Discord has for the registry's value types. */
const OPTION_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const satisfies Record<CommandOptionType, ApplicationCommandOptionType>;

/** A chat-input (slash) command as Discord's API takes it. */
export interface DiscordCommandJson {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: Array<{ type: (typeof OPTION_TYPE)[CommandOptionType]; name: string; description: string; required: boolean }>;
}

/** The registry as Discord application commands (the body of PUT /applications/{id}/commands). */
export function toDiscordCommands(registry: CommandRegistry): DiscordCommandJson[] {
  return registry.list().map((command) => ({
    type: ApplicationCommandType.ChatInput,
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
