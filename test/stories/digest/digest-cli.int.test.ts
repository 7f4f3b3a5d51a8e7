import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';
import type { CliContext } from '../../../src/cli/cli-context.js';
import { registerDigestCommand } from '../../../src/cli/commands/digest.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createStoryScheduling } from '../../../src/app/story-scheduling.js';
import type { Digest } from '../../../src/stories/digest/digest.js';
import { FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { openTestStorydesk } from '../../helpers/open-test-storydesk.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { FIXTURE_ARTICLES } from '../story-fixtures.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');

describe('npm run cli -- digest', () => {
  let dir: { path: string; remove: () => void };
  let slack: FakeSlackWebApi;
  const data = (): string => join(dir.path, 'data');

  /** Runs the CLI as outside scripts do, with Slack pointed at the fake. */
  async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    const env = { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url, LOG_LEVEL: 'warn' };
    try {
      const { stdout, stderr } = await run('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, env, maxBuffer: 8 * 1024 * 1024 });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; code?: number };
      return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', code: failed.code ?? 1 };
    }
  }

  beforeAll(async () => {
    dir = makeTempDir();
    slack = await FakeSlackWebApi.start();
    const corpus = join(dir.path, 'fixtures.jsonl');
    writeFileSync(corpus, FIXTURE_ARTICLES.map((article) => JSON.stringify({ ...article, url: `https://news.example/${article.id}` })).join('\n'));
    const storydesk = await openTestStorydesk(data());
    await storydesk.ingest([corpus]);
    const scheduling = createStoryScheduling({ storydesk, env: loadConfig({ STORYDESK_DATA_DIR: data() }), logger: createLogger('silent'), sinks: {}, now: () => new Date('2020-01-01T00:00:00Z') });
    await scheduling.tracking.track({ platform: 'slack', channelId: 'C-DESK', target: 'Velmont solar farm' });
    scheduling.close();
    await storydesk.close();
  }, 60_000);
  afterAll(async () => {
    await slack.close();
    dir.remove();
  });

  it('prints the digest as JSON on --dry-run and posts nothing', async () => {
    const result = await cli('digest', '--channel', 'C-DESK', '--dry-run', '--json', '--data', data());
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as { digests: Digest[]; posted: string[] };
    expect(output.posted).toEqual([]);
    expect(output.digests).toHaveLength(1);
    const titles = output.digests[0]?.stories.flatMap((story) => story.newArticles.map((article) => article.title));
    expect(titles).toEqual(expect.arrayContaining(['Velmont approves giant solar farm on old airfield']));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  }, 60_000);

  /** Runs the digest command in this process (the spawned run above covers the npm entry point). */
  async function cliInProcess(...args: string[]): Promise<{ lines: string[]; error: string | null }> {
    const lines: string[] = [];
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url });
    const context: CliContext = { env, logger: createLogger('silent'), open: (dataDir) => openTestStorydesk(dataDir ?? data()), print: (line) => void lines.push(line) };
    const errors: string[] = [];
    const program = new Command().exitOverride().configureOutput({ writeErr: (text) => void errors.push(text), writeOut: () => {} });
    registerDigestCommand(program, context);
    try {
      await program.parseAsync(['node', 'cli', ...args]);
    } catch (thrown) {
      if (errors.length === 0) errors.push((thrown as Error).message);
    }
    return { lines, error: errors[0] ?? null };
  }

  it('posts once to Slack without --dry-run, and the next run finds nothing new', async () => {
    const first = await cliInProcess('digest', '--channel', 'C-DESK', '--json', '--data', data());
    expect(JSON.parse(first.lines[0] ?? '{}').posted).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').map((call) => call.args.channel)).toEqual(['C-DESK']);
    const second = await cliInProcess('digest', '--channel', 'C-DESK', '--data', data());
    expect(second.lines.join('\n')).toContain('nothing new');
    expect(second.lines.join('\n')).toContain('Nothing was posted.');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  }, 60_000);

  it('refuses a bad --since and an untracked channel with a clear message', async () => {
    expect((await cliInProcess('digest', '--channel', 'C-DESK', '--since', 'yesterday', '--data', data())).error).toContain('expected an ISO date');
    expect((await cliInProcess('digest', '--channel', 'C-NONE', '--data', data())).error).toContain('Channel C-NONE tracks nothing');
  }, 60_000);
});
