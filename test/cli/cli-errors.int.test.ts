import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { type ProcessResult, runCli, startProcess } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** One line on stderr, prefixed, with no stack trace. */
function expectOneLine(result: ProcessResult, pattern: RegExp): void {
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^storydesk: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('CLI errors a user can act on (real processes)', () => {
  const temp = makeTempDir();
  const data = join(temp.path, 'data');
  const corpus = join(temp.path, 'corpus');
  let results: Record<string, ProcessResult>;

  beforeAll(async () => {
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'tram.md'), fictionalArticle(1));
    // A link to a file outside the corpus folder, as someone might leave in a shared folder.
    writeFileSync(join(temp.path, 'secret.txt'), 'Private notes\n\nThe payroll password is swordfish.\n');
    symlinkSync(join(temp.path, 'secret.txt'), join(corpus, 'notes.txt'));
    mkdirSync(join(corpus, 'inner'));
    symlinkSync(join(corpus, 'tram.md'), join(corpus, 'inner', 'tram-link.md'));
    writeFileSync(join(temp.path, 'a-file'), 'not a folder');

    const runs: Record<string, Promise<ProcessResult>> = {
      askWithoutQuestion: runCli(['ask', '--data', data]),
      ingestWithoutCorpus: runCli(['ingest', '--data', data]),
      dataIsAFile: runCli(['ingest', '--corpus', corpus, '--data', join(temp.path, 'a-file')]),
      askMissingStore: runCli(['ask', 'Who voted?', '--data', join(temp.path, 'nowhere', 'x')]),
      searchMissingStore: runCli(['search', 'tram', '--data', join(temp.path, 'nowhere', 'y')]),
      unknownOption: runCli(['ask', 'Who voted?', '--colour']),
      badNumber: runCli(['search', 'tram', '--k', 'many', '--data', data]),
      badUrl: runCli(['ask', 'Who voted?', '--data', data], { OPENAI_BASE_URL: 'not-a-url' }),
      badPort: runCli(['ask', 'Who voted?', '--data', data], { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_HTTP_PORT: '99999' }),
      ingest: runCli(['ingest', '--corpus', corpus, '--data', data]),
    };
    const entries = await Promise.all(Object.entries(runs).map(async ([name, run]) => [name, await run] as const));
    results = Object.fromEntries(entries);
  }, 180_000);
  afterAll(() => temp.remove());

  it('refuses a command line it cannot run with one line and exit code 2', () => {
    expect(results.askWithoutQuestion?.code).toBe(2);
    expectOneLine(results.askWithoutQuestion as ProcessResult, /Give a question in quotes, or --queries FILE\.jsonl/);
    expect(results.ingestWithoutCorpus?.code).toBe(2);
    expectOneLine(results.ingestWithoutCorpus as ProcessResult, /--corpus PATH/);
    expect(results.unknownOption?.code).toBe(2);
    expectOneLine(results.unknownOption as ProcessResult, /unknown option '--colour'.*--help/);
    expect(results.badNumber?.code).toBe(2);
    expectOneLine(results.badNumber as ProcessResult, /expected a positive whole number, got "many"/);
  });

  it('says when --data is a file, or holds no store for a question or search, instead of creating one', () => {
    expect(results.dataIsAFile?.code).toBe(2);
    expectOneLine(results.dataIsAFile as ProcessResult, /is a file, not a folder/);
    for (const name of ['askMissingStore', 'searchMissingStore']) {
      expect(results[name]?.code, name).toBe(2);
      expectOneLine(results[name] as ProcessResult, /No storydesk store in .*nowhere.*ingest --corpus PATH/);
    }
  });

  it('names the setting that is wrong, before doing anything', () => {
    expect(results.badUrl?.code).toBe(2);
    expectOneLine(results.badUrl as ProcessResult, /OPENAI_BASE_URL must be an http:\/\/ or https:\/\/ URL.*"not-a-url"/);
    expect(results.badPort?.code).toBe(2);
    expectOneLine(results.badPort as ProcessResult, /SLACK_HTTP_PORT must be a port number from 1 to 65535 \(got "99999"\)/);
  });

  it('follows symbolic links inside the corpus folder and skips one that leads outside it, with the reason', async () => {
    const ingest = results.ingest as ProcessResult;
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/Added 1,/);
    expect(ingest.stdout).toMatch(/notes\.txt: symbolic link to .*secret\.txt, outside the given corpus paths/);
    const search = await runCli(['search', 'payroll password swordfish', '--json', '--data', data]);
    expect(search.code).toBe(0);
    const passages = (JSON.parse(search.stdout) as { results: { passage: string }[] }).results.map((hit) => hit.passage);
    expect(passages.join(' ')).not.toMatch(/swordfish/);
  });

  it('stops the bot at start when Slack HTTP mode has no port, naming the variable, instead of falling back to the terminal', { timeout: 120_000 }, async () => {
    const bot = startProcess([], { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', STORYDESK_DATA_DIR: join(temp.path, 'bot-data') }, 'src/main.ts');
    bot.child.stdin?.end();
    const result = await bot.exited;
    expect(result.code).toBe(1);
    expectOneLine(result, /SLACK_HTTP_PORT is missing: HTTP mode \(SLACK_SIGNING_SECRET is set\) needs the port/);
    expect(result.stdout).toBe('');
  });
});
