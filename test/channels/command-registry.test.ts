import { describe, expect, it } from 'vitest';
import { infoReply } from '../../src/channels/channel-event.js';
import { CommandRegistry } from '../../src/channels/command-registry.js';
import { createCommandRegistry } from '../../src/channels/create-command-registry.js';
import { toDiscordCommands } from '../../src/channels/discord/discord-commands.js';

const track = {
  name: 'track',
  description: 'Follow a story',
  options: [
    { name: 'days', description: 'How far back', type: 'integer' as const },
    { name: 'topic', description: 'What to follow', type: 'string' as const, required: true },
  ],
  handler: async () => infoReply('Tracking.'),
};

describe('CommandRegistry', () => {
  it('starts with /ask and takes new commands with one register call', () => {
    const registry = createCommandRegistry().register(track);
    expect(registry.list().map((command) => command.name)).toEqual(['ask', 'track']);
    expect(registry.get('/track')).toBe(track);
  });

  it('rejects duplicate and invalid names at start-up', () => {
    expect(() => createCommandRegistry().register({ ...track, name: 'ask' })).toThrow('/ask is already registered');
    expect(() => new CommandRegistry().register({ ...track, name: 'Track Story' })).toThrow('must be 1–32 lowercase');
    expect(() => new CommandRegistry().register({ ...track, description: '' })).toThrow('description of 1–100');
  });

  it('maps to Discord application commands with required options first', () => {
    const [, discordTrack] = toDiscordCommands(createCommandRegistry().register(track));
    expect(discordTrack).toEqual({
      type: 1,
      name: 'track',
      description: 'Follow a story',
      options: [
        { type: 3, name: 'topic', description: 'What to follow', required: true },
        { type: 4, name: 'days', description: 'How far back', required: false },
      ],
    });
  });
});
