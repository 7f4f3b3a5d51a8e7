import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import type { Storydesk } from '../../../src/app/storydesk.js';
import { registerStoryCommands } from '../../../src/channels/commands/story-commands.js';
import type { ChannelReply } from '../../../src/channels/channel-event.js';
import { CommandRegistry, type CommandContext, type CommandOptionValue } from '../../../src/channels/command-registry.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { UserFacingError } from '../../../src/core/errors.js';
import type { Digest } from '../../../src/stories/digest/digest.js';
import type { DigestSink } from '../../../src/stories/digest/digest-sink.js';
import { createStoryScheduling, type StoryScheduling } from '../../../src/app/story-scheduling.js';
import { openTestStorydesk } from '../../helpers/open-test-storydesk.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { FIXTURE_ARTICLES } from '../story-fixtures.js';

describe('/track, /untrack, /tracked, /digest and /story', () => {
  let dir: { path: string; remove: () => void };
  let storydesk: Storydesk;
  let scheduling: StoryScheduling;
  let registry: CommandRegistry;
  let context: CommandContext;

  const run = async (name: string, options: Record<string, CommandOptionValue> = {}, channelId = 'C-DESK'): Promise<string> => {
    const command = registry.get(name);
    if (!command) throw new Error(`no /${name}`);
    const reply: ChannelReply = await command.handler({ platform: 'slack', channelId, userId: 'U1', options }, context);
    if (reply.kind !== 'message') throw new Error('expected a message');
    return reply.text;
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const corpus = join(dir.path, 'fixtures.jsonl');
    writeFileSync(corpus, FIXTURE_ARTICLES.map((article) => JSON.stringify({ ...article, url: `https://news.example/${article.id}` })).join('\n'));
    storydesk = await openTestStorydesk(join(dir.path, 'data'));
    await storydesk.ingest([corpus]);
    const env = loadConfig({ STORYDESK_DATA_DIR: join(dir.path, 'data') });
    // Tracking "began" before the articles arrived, so /digest has news to show.
    scheduling = createStoryScheduling({ storydesk, env, logger: createLogger('silent'), sinks: {}, now: () => new Date('2020-01-01T00:00:00Z') });
    registry = registerStoryCommands(new CommandRegistry(), {
      stories: storydesk.stories ?? (() => { throw new Error('stories'); })(),
      tracking: scheduling.tracking,
      builder: scheduling.builder,
      subscriptions: scheduling.subscriptions,
    });
    context = { assistant: storydesk, maxQuestionChars: 1000, logger: createLogger('silent'), registry };
  });
  afterAll(async () => {
    scheduling.close();
    await storydesk.close();
    dir.remove();
  });

  it('tracks a story by id, lists it, re-schedules instead of duplicating, and stops on /untrack', async () => {
    const storyId = (await storydesk.stories?.list())?.find((story) => story.articleIds.includes('quillon-bridge-gazette'))?.id ?? '';
    expect(await run('track', { target: storyId }, 'C-ONE')).toMatch(/^Now tracking the story "[^"]+" \(id sub-[0-9a-f]{12}\): digests on "0 9 \* \* 1-5" \(UTC\)/);
    expect(await run('track', { target: storyId, schedule: '30 7 * * *', timezone: 'Europe/Berlin' }, 'C-ONE')).toContain('Updated the schedule');
    const listed = await run('tracked', {}, 'C-ONE');
    expect(listed.split('\n')).toHaveLength(2);
    expect(listed).toContain(`Story "${storyId}" — "30 7 * * *" (Europe/Berlin)`);
    const id = /id (sub-[0-9a-f]{12})/.exec(listed)?.[1] ?? '';
    expect(await run('untrack', { id }, 'C-ONE')).toContain('Stopped tracking');
    expect(await run('tracked', {}, 'C-ONE')).toContain('tracks nothing yet');
  });

  it('refuses a bad schedule or timezone with a message saying how to fix it', async () => {
    await expect(run('track', { target: 'solar', schedule: 'every morning' })).rejects.toThrow(/not a cron schedule.*"0 9 \* \* 1-5"/);
    await expect(run('track', { target: 'solar', timezone: 'Mars/Olympus' })).rejects.toBeInstanceOf(UserFacingError);
    await expect(run('untrack', { id: 'sub-nope' })).rejects.toThrow(/does not track/);
  });

  it('tracks a topic and shows, on /digest, only the stories that match it with their disputes', async () => {
    const reply = await run('track', { target: 'Quillon harbour bridge cracks' }, 'C-TOPIC');
    expect(reply).toMatch(/Now tracking "Quillon harbour bridge cracks".*closest story right now is "/);
    const digest = await run('digest', {}, 'C-TOPIC');
    expect(digest).toContain('Digest: "Quillon harbour bridge cracks"');
    expect(digest).toContain('Cracked span shuts Quillon harbour crossing');
    expect(digest).not.toContain('solar');
    expect(digest).not.toContain('chess');
    expect(digest).toMatch(/⚠️ Denied \(new dispute\): “[^”]*Ellery Steelworks supplied faulty bolts/);
    expect(digest).toContain('https://news.example/quillon-bridge-herald');
  });

  it('says so when the channel tracks nothing, and shows a story timeline on /story', async () => {
    expect(await run('digest', {}, 'C-EMPTY')).toContain('tracks nothing yet');
    const story = await run('story', { id_or_query: 'Velmont solar farm' });
    expect(story).toContain('Timeline:');
    expect(story).toContain('Brightfield');
    expect(story).toMatch(/Follow it here with \/track story-/);
  });

  it('picks up a story that appears after its topic was tracked', async () => {
    expect(await run('track', { target: 'Ardmore tram extension' }, 'C-TRAM')).toContain('No story matches it yet');
    expect(await run('digest', {}, 'C-TRAM')).toContain('Nothing new');
    const later = join(dir.path, 'later.jsonl');
    const tram = {
      id: 'ardmore-tram',
      title: 'Ardmore tram extension opens to passengers',
      source: 'Ardmore Echo',
      published: '2031-04-01',
      url: 'https://news.example/ardmore-tram',
      body: 'The Ardmore tram extension opened on Tuesday, adding six stops between the station and the university.\n\nThe city said the tram extension cost 80 million and would carry 12,000 riders a day.',
    };
    writeFileSync(later, JSON.stringify(tram));
    await storydesk.ingest([later]);
    const digest = await run('digest', {}, 'C-TRAM');
    expect(digest).toContain('Ardmore tram extension opens to passengers');
    expect(digest).not.toContain('Quillon');
  });

  it('posts /digest natively through the outbox when a sink is configured, so it is not repeated', async () => {
    const posted: Digest[] = [];
    const sink: DigestSink = { post: async (_subscription, digest) => void posted.push(digest) };
    const env = loadConfig({ STORYDESK_DATA_DIR: join(dir.path, 'data') });
    const withSink = createStoryScheduling({ storydesk, env, logger: createLogger('silent'), sinks: { slack: sink }, now: () => new Date('2020-01-01T00:00:00Z') });
    try {
      registry = registerStoryCommands(new CommandRegistry(), withSink);
      context = { ...context, registry };
      await run('track', { target: 'Velmont solar farm' }, 'C-POST');
      expect(await run('digest', {}, 'C-POST')).toContain('Posted the digest in this channel');
      expect(posted).toHaveLength(1);
      expect(posted[0]?.stories[0]?.newArticles.map((article) => article.source)).toContain('Harbour Herald');
      expect(await run('digest', {}, 'C-POST')).toContain('Nothing new');
      expect(posted).toHaveLength(1);
    } finally {
      withSink.close();
    }
  });
});
