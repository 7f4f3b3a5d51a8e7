import type { Logger } from '../app/logger.js';
import type { Assistant } from '../core/assistant.js';
import type { ChannelOrigin, ChannelReply } from './channel-event.js';

/** The value types a command option can take; each platform maps them to its own option types. */
export type CommandOptionType = 'string' | 'integer' | 'boolean';
export type CommandOptionValue = string | number | boolean;

/** One named argument of a command (Discord shows these as slash-command options). */
export interface CommandOption {
  /** Lowercase, 1–32 characters: Discord's rule, so the same registry serves both platforms. */
  name: string;
  /** 1–100 characters. */
  description: string;
  type: CommandOptionType;
  /** @default false */
  required?: boolean;
}

/** A parsed command call from any platform. */
export interface CommandInvocation extends ChannelOrigin {
  options: Record<string, CommandOptionValue>;
}

/** What the channel layer lends to every command when it runs. */
export interface CommandContext {
  /** The assistant, already wrapped with the channel's concurrency limit. */
  assistant: Assistant;
  maxQuestionChars: number;
  logger: Logger;
  /** Every registered command, e.g. for help texts. */
  registry: CommandRegistry;
}

/** A chat command: `/ask` now; `/story`, `/track`, `/digest`… register themselves the same way. */
export interface ChannelCommand {
  name: string;
  description: string;
  options: CommandOption[];
  /** Runs the command; throw a `UserFacingError` for a refusal the user should read. */
  handler(invocation: CommandInvocation, context: CommandContext): Promise<ChannelReply>;
}

const NAME = /^[a-z0-9_-]{1,32}$/;

/**
 * The commands every platform offers. Adding a command is one `register` call from the module that owns
 * it; Slack, Discord and `npm run discord:register` all read this list.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, ChannelCommand>();

  /** Adds a command; throws on an invalid or duplicate name so mistakes surface at start-up. */
  register(command: ChannelCommand): this {
    if (!NAME.test(command.name)) throw new Error(`Command name "${command.name}" must be 1–32 lowercase letters, digits, - or _.`);
    if (command.description.length < 1 || command.description.length > 100) {
      throw new Error(`Command "${command.name}" needs a description of 1–100 characters.`);
    }
    for (const option of command.options) {
      if (!NAME.test(option.name)) throw new Error(`Option "${option.name}" of /${command.name} must be 1–32 lowercase letters, digits, - or _.`);
      if (option.description.length < 1 || option.description.length > 100) {
        throw new Error(`Option "${option.name}" of /${command.name} needs a description of 1–100 characters.`);
      }
    }
    if (this.commands.has(command.name)) throw new Error(`Command /${command.name} is already registered.`);
    this.commands.set(command.name, command);
    return this;
  }

  /** The command with this name (without the slash), if registered. */
  get(name: string): ChannelCommand | undefined {
    return this.commands.get(name.replace(/^\//, ''));
  }

  /** Every command, in registration order. */
  list(): ChannelCommand[] {
    return [...this.commands.values()];
  }
}
