import { REST } from 'discord.js';
import type { ChatPlatform } from '../chat-platform.js';
import { DiscordDigestSink, discordRestSender } from './discord-digest.js';
import { startDiscord } from './start-discord.js';

/** Discord: the gateway and slash commands (start-discord.ts), digests through REST. */
export const discordPlatform: ChatPlatform<'discord'> = {
  id: 'discord',
  name: 'Discord',
  isConfigured: (env) => env.DISCORD_TOKEN !== undefined,
  start: (dependencies) => startDiscord(dependencies),
  digestSink: (env, options = {}) => {
    if (!env.DISCORD_TOKEN) return null;
    // DISCORD_API_URL points the client at a local server in tests.
    const rest = new REST({ version: '10', ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL.replace(/\/$/, '') } : {}) }).setToken(env.DISCORD_TOKEN);
    return new DiscordDigestSink(discordRestSender(rest), options);
  },
};
