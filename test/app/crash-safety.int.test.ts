import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');
const ARTICLES = 1200;

function storedArticles(databasePath: string): number {
  if (!existsSync(databasePath)) return 0;
  try {
    const database = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      return (database.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      database.close();
    }
  } catch {
    return 0; // schema not created yet
  }
}

describe('crash safety', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('a SIGKILL in the middle of an ingest leaves a store that opens, answers and completes on the next ingest', async () => {
    const corpus = join(temp.path, 'corpus');
    const data = join(temp.path, 'data');
    mkdirSync(corpus);
    for (let index = 0; index < ARTICLES; index += 1) writeFileSync(join(corpus, `a-${index}.md`), fictionalArticle(index));

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--corpus', corpus, '--data', data], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const databasePath = join(data, 'storydesk.sqlite');
    let killedAt = 0;
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    while (child.exitCode === null) {
      const stored = storedArticles(databasePath);
      if (stored > 0) {
        child.kill('SIGKILL');
        killedAt = stored;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await exited;
    expect(killedAt, 'the child finished before it could be killed; make the corpus larger').toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(ARTICLES);

    const storydesk = await openTestStorydesk(data);
    try {
      const { articles, passages } = await storydesk.store.counts();
      expect(articles).toBeGreaterThan(0);
      expect(await storydesk.index.count()).toBe(passages);
      const answer = await storydesk.ask('What did the Marlow Bay council vote on?');
      expect(answer.abstained).toBe(false);

      const report = await storydesk.ingest([corpus]);
      expect(report.added + report.unchanged + report.updated).toBe(ARTICLES);
      expect((await storydesk.store.counts()).articles).toBe(ARTICLES);
      expect(await storydesk.index.count()).toBe((await storydesk.store.counts()).passages);
    } finally {
      await storydesk.close();
    }
  });
});
