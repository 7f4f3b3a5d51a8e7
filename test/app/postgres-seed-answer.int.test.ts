import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openStorydesk } from '../../src/app/open-storydesk.js';
import type { Answer } from '../../src/core/answer.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const server = testPostgres();
const corpus = join(import.meta.dirname, '../../corpus');
const question = 'Is ByteDance training an AI model on Huawei chips?';

/** Ingests the seed corpus and asks the seed question (no story service: answers do not use it). */
async function seedAnswer(dataDir: string, environment: Record<string, string>): Promise<Answer> {
  const storydesk = await openStorydesk({ dataDir, env: loadConfig(environment), logger: createLogger('silent'), stories: false });
  try {
    await storydesk.ingest([corpus]);
    return await storydesk.ask(question);
  } finally {
    await storydesk.close();
  }
}

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('the seed answer on PostgreSQL + pgvector'), () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('is the same answer as on SQLite, the denial cited, and nothing is written to the data folder', async () => {
    const onSqlite = await seedAnswer(join(temp.path, 'sqlite'), {});
    const unused = join(temp.path, 'unused');
    const onPostgres = await seedAnswer(unused, { DATABASE_URL: await createTestDatabase(server.adminUrl ?? '') });
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.disputes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'denied' })]));
    expect(existsSync(unused)).toBe(false);
  });

  it('answers the same through the CLI (ingest with stories, then ask --json) with DATABASE_URL set, writing no data folder', async () => {
    const url = await createTestDatabase(server.adminUrl ?? '');
    const cliAnswer = async (data: string, environment: Record<string, string>): Promise<{ answer: unknown; stories: unknown[] }> => {
      const ingest = await runCli(['ingest', '--corpus', corpus, '--data', data, '--json'], environment);
      expect(ingest.stderr).toBe('');
      expect(JSON.parse(ingest.stdout)).toMatchObject({ added: 1 });
      const ask = await runCli(['ask', question, '--json', '--data', data], environment);
      expect(ask.code).toBe(0);
      // The ingest clustered the article into a story, read back through the story store.
      const stories = await runCli(['stories', '--json', '--data', data], environment);
      expect(stories.code).toBe(0);
      return { answer: JSON.parse(ask.stdout) as unknown, stories: (JSON.parse(stories.stdout) as { stories: unknown[] }).stories };
    };
    const onSqlite = await cliAnswer(join(temp.path, 'cli-sqlite'), {});
    const unused = join(temp.path, 'cli-unused');
    const onPostgres = await cliAnswer(unused, { DATABASE_URL: url });
    expect(onPostgres.answer).toEqual(onSqlite.answer);
    expect(onPostgres.answer).toMatchObject({ abstained: false, disputes: expect.arrayContaining([expect.objectContaining({ kind: 'denied' })]) });
    expect(onPostgres.stories).toHaveLength(1);
    expect(onPostgres.stories).toEqual(onSqlite.stories);
    expect(existsSync(unused)).toBe(false);
  }, 180_000); // six CLI processes in a row, each starting tsx and the embedder
});
