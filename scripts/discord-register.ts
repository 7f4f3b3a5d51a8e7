import { config as loadDotenv } from 'dotenv';
import { registerStoryCommandShapes } from '../src/channels/commands/story-commands.js';
import { createCommandRegistry } from '../src/channels/create-command-registry.js';
import { registerDiscordCommands } from '../src/channels/discord/register-discord-commands.js';
import { loadConfig } from '../src/config/load-config.js';

/**
 * `npm run discord:register`: publishes the command registry as Discord slash commands, to DISCORD_GUILD_ID
 * when set (appears at once; good for testing) or globally (can take up to an hour to appear).
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const env = loadConfig(process.env);
  if (!env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) {
    throw new Error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord developer portal → your application) to register commands.');
  }
  const result = await registerDiscordCommands({
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    // The story commands need a running store to answer, but only their shapes to be registered.
    registry: registerStoryCommandShapes(createCommandRegistry()),
    ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
  });
  const where = result.scope === 'guild' ? `to server ${env.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.map((name) => `/${name}`).join(', ')} ${where}.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`discord:register: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
