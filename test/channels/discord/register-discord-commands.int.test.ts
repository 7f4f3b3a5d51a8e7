import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { registerDiscordCommands } from '../../../src/channels/discord/register-discord-commands.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../../fakes/discord-rest.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

describe('registering the slash commands with Discord', () => {
  let rest: FakeDiscordRest;
  beforeAll(async () => {
    rest = await FakeDiscordRest.start();
  });
  afterAll(async () => {
    await rest?.close();
  });

  it('PUTs /ask with its required question option to the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await registerDiscordCommands({ token: 't0k', applicationId: FAKE_DISCORD.applicationId, guildId: FAKE_DISCORD.guildId, apiUrl: rest.url, registry: createCommandRegistry() });
    expect(result).toEqual({ scope: 'guild', names: ['ask'] });
    const call = rest.callsMatching('PUT', new RegExp(`^/applications/${FAKE_DISCORD.applicationId}/guilds/${FAKE_DISCORD.guildId}/commands$`)).at(-1);
    expect(call?.authorization).toBe('Bot t0k');
    expect(call?.body).toEqual([
      {
        type: 1,
        name: 'ask',
        description: 'Ask a question about the news; the answer cites its sources',
        options: [{ type: 3, name: 'question', description: 'What you want to know', required: true }],
      },
    ]);
  });

  it('registers globally without a guild', async () => {
    const result = await registerDiscordCommands({ token: 't0k', applicationId: FAKE_DISCORD.applicationId, apiUrl: rest.url, registry: createCommandRegistry() });
    expect(result.scope).toBe('global');
    expect(rest.callsMatching('PUT', new RegExp(`^/applications/${FAKE_DISCORD.applicationId}/commands$`))).toHaveLength(1);
  });

  it('explains a refusal, naming what to check', async () => {
    await expect(registerDiscordCommands({ token: 't0k', applicationId: 'not-a-snowflake', apiUrl: rest.url, registry: createCommandRegistry() })).rejects.toThrow(
      /HTTP 404.*Check DISCORD_APPLICATION_ID/,
    );
  });

  it('`cli discord-register` (npm run discord:register) reads the environment and reports what it registered', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'discord-register'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: 'script-token', DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_GUILD_ID: FAKE_DISCORD.guildId, DISCORD_API_URL: rest.url },
    });
    expect(stdout).toBe(`Registered /ask, /story, /track, /untrack, /tracked, /digest to server ${FAKE_DISCORD.guildId}.\n`);
    expect(rest.calls.at(-1)?.authorization).toBe('Bot script-token');
  });

  it('`cli discord-register` says which settings are missing and exits 1', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'discord-register'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: 'script-token' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed && failed.stderr).toContain('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });

  it('explains a revoked token, naming DISCORD_TOKEN', async () => {
    await expect(registerDiscordCommands({ token: 'revoked', applicationId: FAKE_DISCORD.applicationId, apiUrl: rest.url, registry: createCommandRegistry() })).rejects.toThrow(
      /HTTP 401.*Check DISCORD_TOKEN/,
    );
  });
});
