import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import { StorydeskError } from '../../core/errors.js';
import type { CommandRegistry } from '../command-registry.js';
import { toDiscordCommands } from './discord-commands.js';

/** Where and how to register the slash commands. */
export interface RegisterDiscordCommandsOptions {
  token: string;
  applicationId: string;
  /** Register to one server (instant) instead of globally (can take up to an hour to appear). */
  guildId?: string;
  /** @default "https://discord.com/api" */
  apiUrl?: string;
  registry: CommandRegistry;
}

/** What was registered. */
export interface RegisteredCommands {
  scope: 'global' | 'guild';
  names: string[];
}

/**
 * Replaces the application's slash commands with the registry's through discord.js's REST client (PUT is a bulk
 * overwrite, so commands removed from the registry disappear from Discord too).
 */
export async function registerDiscordCommands(options: RegisterDiscordCommandsOptions): Promise<RegisteredCommands> {
  // One attempt: a refused registration is a configuration problem, which retrying does not fix.
  const rest = new REST({ version: '10', retries: 0, ...(options.apiUrl ? { api: options.apiUrl.replace(/\/$/, '') } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const body = toDiscordCommands(options.registry);
  try {
    await rest.put(route, { body });
  } catch (error) {
    throw refusal(error);
  }
  return { scope: options.guildId ? 'guild' : 'global', names: body.map((command) => command.name) };
}

/** A refusal as a message that names what to check. */
function refusal(error: unknown): StorydeskError {
  const status = error instanceof DiscordAPIError || error instanceof HTTPError ? error.status : null;
  if (status === null) return new StorydeskError('discord_register_failed', `Could not reach Discord to register commands: ${(error as Error).message}`, { cause: error });
  const hint = status === 401 ? ' Check DISCORD_TOKEN.' : status === 403 || status === 404 ? ' Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.' : '';
  return new StorydeskError('discord_register_failed', `Discord refused the command registration (HTTP ${status}): ${(error as Error).message.slice(0, 300)}.${hint}`, { cause: error });
}
