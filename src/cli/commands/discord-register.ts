import type { Command } from 'commander';
import { registerStoryCommandShapes } from '../../channels/commands/story-commands.js';
import { createCommandRegistry } from '../../channels/create-command-registry.js';
import { UserFacingError } from '../../core/errors.js';
import type { CliContext } from '../cli-context.js';

/**
 * `discord-register` (also `npm run discord:register`): publishes the command registry as Discord slash
 * commands, to DISCORD_GUILD_ID when set (appears at once; good for testing) or globally (can take up to an
 * hour to appear). Run it once after setting up the application and whenever the commands change.
 */
export function registerDiscordRegisterCommand(program: Command, context: CliContext): void {
  program
    .command('discord-register')
    .description("Register storydesk's slash commands with Discord (DISCORD_GUILD_ID: one server, at once; else globally)")
    .action(async () => {
      const { env } = context;
      if (!env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) {
        throw new UserFacingError(
          'discord_not_configured',
          'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord developer portal → your application) to register commands.',
        );
      }
      // discord.js takes about 0.3 s to load: every other command (ask, search…) would pay it at start-up.
      const { registerDiscordCommands } = await import('../../channels/discord/register-discord-commands.js');
      const result = await registerDiscordCommands({
        token: env.DISCORD_TOKEN,
        applicationId: env.DISCORD_APPLICATION_ID,
        // The story commands need a running store to answer, but only their shapes to be registered.
        registry: registerStoryCommandShapes(createCommandRegistry()),
        ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
        ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
      });
      const where = result.scope === 'guild' ? `to server ${env.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)';
      context.print(`Registered ${result.names.map((name) => `/${name}`).join(', ')} ${where}.`);
    });
}
