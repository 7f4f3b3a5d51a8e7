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
 * Replaces the application's slash commands with the registry's (PUT is a bulk overwrite, so commands
 * removed from the registry disappear from Discord too).
 */
export async function registerDiscordCommands(options: RegisterDiscordCommandsOptions): Promise<RegisteredCommands> {
  const base = (options.apiUrl ?? 'https://discord.com/api').replace(/\/$/, '');
  const path = options.guildId
    ? `/v10/applications/${options.applicationId}/guilds/${options.guildId}/commands`
    : `/v10/applications/${options.applicationId}/commands`;
  const body = toDiscordCommands(options.registry);
  const response = await fetch(`${base}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bot ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const detail = await response.text();
    const hint = response.status === 401 ? ' Check DISCORD_TOKEN.' : response.status === 403 || response.status === 404 ? ' Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.' : '';
    throw new StorydeskError('discord_register_failed', `Discord refused the command registration (HTTP ${response.status}): ${detail.slice(0, 300)}.${hint}`);
  }
  return { scope: options.guildId ? 'guild' : 'global', names: body.map((command) => command.name) };
}
