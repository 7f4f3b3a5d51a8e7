import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { runCli, startProcess } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a running bot and a CLI ingest on the same data folder (real processes)', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('picks up the index the CLI ingest saved and answers from the new articles without a restart', { timeout: 180_000 }, async () => {
    const botCorpus = join(temp.path, 'bot-corpus');
    const cliCorpus = join(temp.path, 'cli-corpus');
    const data = join(temp.path, 'data');
    mkdirSync(botCorpus);
    mkdirSync(cliCorpus);
    for (let index = 0; index < 3; index += 1) writeFileSync(join(botCorpus, `a-${index}.md`), fictionalArticle(index));
    writeFileSync(
      join(cliCorpus, 'lighthouse.md'),
      fictionalArticle(99, {
        title: 'Port Ellery lighthouse reopens after storm repairs',
        body: 'The fictional Port Ellery lighthouse reopened on Friday after eight months of storm repairs, the harbour board said.\n\nKeeper Anselm Brindle lit the lamp at dusk before a crowd of two hundred residents.',
      }),
    );

    const bot = startProcess([], { STORYDESK_DATA_DIR: data, STORYDESK_CORPUS_DIR: botCorpus, LOG_LEVEL: 'info' }, 'src/main.ts');
    try {
      await until(() => bot.output().stderr.includes('indexed'), 'the bot to index its corpus');

      const ingest = await runCli(['ingest', '--corpus', cliCorpus, '--data', data, '--wait'], { LOG_LEVEL: 'warn' });
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(ingest.stdout).toMatch(/Added 1,/);
      await until(() => bot.output().stderr.includes('Loaded the vector index another process saved'), 'the bot to reload the index');

      bot.child.stdin?.write('Who lit the lamp when the Port Ellery lighthouse reopened?\n');
      await until(() => bot.output().stdout.includes('\n\n'), 'the answer');
      // Answered from the article the CLI ingest added, cited as a source.
      expect(bot.output().stdout).toMatch(/\[1\] Port Ellery lighthouse reopens after storm repairs/);
      expect(bot.output().stdout).toMatch(/Anselm Brindle/);
    } finally {
      bot.child.stdin?.end();
      const result = await bot.exited;
      expect(result.code, result.stderr).toBe(0);
    }
  });
});
