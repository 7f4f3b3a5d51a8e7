import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexSidecar } from '../../src/providers/hnsw-index-sidecar.js';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { type ProcessResult, runCli, startProcess } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ARTICLES = 900;
/** Checkpoints every 0.3 s, so a kill lands after at least one. */
const ENV = { STORYDESK_CHECKPOINT_SECONDS: '0.3', LOG_LEVEL: 'warn' };

function writeCorpus(folder: string, from: number, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let index = from; index < from + count; index += 1) writeFileSync(join(folder, `a-${index}.md`), fictionalArticle(index));
}

function storedPassageIds(data: string): number[] {
  const database = new Database(join(data, 'storydesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (database.prepare('SELECT id FROM passages ORDER BY id').all() as { id: number }[]).map((row) => row.id);
  } finally {
    database.close();
  }
}

/** The saved index's labels, read the way a reader reads them. */
function savedIndexLabels(data: string): number[] {
  const path = join(data, 'passages.hnsw');
  const sidecar = readIndexSidecar(path);
  if (sidecar === null) throw new Error('no sidecar');
  return HnswVectorIndex.load(path, sidecar.dimension, { readOnly: true }).labels();
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function expectAnswered(result: ProcessResult): void {
  expect(result.code, result.stderr).toBe(0);
  const answer = JSON.parse(result.stdout) as { answer: string; abstained: boolean };
  expect(answer.abstained || answer.answer.length > 0).toBe(true);
}

describe('several processes on one data folder (real CLI processes)', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('answers during an ingest from the saved index, refuses a second writer naming it, and queues one with --wait', { timeout: 180_000 }, async () => {
    const corpus = join(temp.path, 'corpus');
    const data = join(temp.path, 'data');
    writeCorpus(corpus, 0, ARTICLES);
    writeCorpus(join(temp.path, 'more'), ARTICLES, 5);

    const ingest = startProcess(['ingest', '--corpus', corpus, '--data', data, '--json'], ENV);
    await until(() => existsSync(join(data, 'passages.hnsw.meta.json')) || ingest.child.exitCode !== null, 'the first checkpoint');
    expect(ingest.child.exitCode, 'the ingest ended before the test could overlap it; make the corpus larger').toBeNull();

    // While it writes: questions are answered, a second ingest is refused with the holder's pid and command,
    // and one with --wait queues until the first is done.
    const asks = [runCli(['ask', 'What did the Marlow Bay council vote on?', '--json', '--data', data], ENV)];
    const refused = await runCli(['ingest', '--corpus', join(temp.path, 'more'), '--data', data], ENV);
    const queued = startProcess(['ingest', '--corpus', join(temp.path, 'more'), '--data', data, '--json', '--wait'], ENV);
    asks.push(runCli(['search', 'tram line', '--json', '--data', data], ENV));
    const first = await ingest.exited;
    const [ask, search] = await Promise.all(asks);
    const waited = await queued.exited;

    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: ARTICLES });
    expectAnswered(ask as ProcessResult);
    expect(search?.code, search?.stderr).toBe(0);
    expect(refused.code).toBe(75);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(new RegExp(`writing to this data folder: pid ${ingest.child.pid} \\(storydesk ingest --corpus .*corpus`));
    expect(refused.stderr).toMatch(/pass --wait to queue/);
    expect(waited.code, waited.stderr).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ added: 5 });

    // Nobody left a temp file or the lock behind, and the saved index holds exactly the stored passages.
    expect(readdirSync(data).filter((name) => name.endsWith('.tmp') || name.endsWith('.handover') || name === 'write.lock')).toEqual([]);
    expect(savedIndexLabels(data)).toEqual(storedPassageIds(data));
  });

  it('after a SIGKILL mid-ingest, readers still answer and the next writer takes over the stale lock and patches the index', { timeout: 180_000 }, async () => {
    const corpus = join(temp.path, 'corpus-2');
    const data = join(temp.path, 'data-2');
    writeCorpus(corpus, 0, 400);
    const ingest = startProcess(['ingest', '--corpus', corpus, '--data', data], ENV);
    const sidecar = join(data, 'passages.hnsw.meta.json');
    await until(() => (existsSync(sidecar) && (readIndexSidecar(join(data, 'passages.hnsw'))?.count ?? 0) > 0) || ingest.child.exitCode !== null, 'a checkpoint with vectors');
    ingest.child.kill('SIGKILL');
    await ingest.exited;

    const lock = JSON.parse(readFileSync(join(data, 'write.lock'), 'utf8')) as { pid: number; command: string };
    expect(lock.pid).toBe(ingest.child.pid);
    const checkpoint = savedIndexLabels(data);
    const stored = storedPassageIds(data);
    expect(checkpoint.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(400 * 2);

    // A reader answers from the checkpoint and leaves the index files and the lock alone (SQLite may tidy its WAL).
    const indexFiles = (): Record<string, string> =>
      Object.fromEntries(readdirSync(data).filter((name) => !name.startsWith('storydesk.sqlite')).map((name) => [name, readFileSync(join(data, name)).toString('base64')]));
    const before = indexFiles();
    expectAnswered(await runCli(['ask', 'Who voted on the solar farm?', '--json', '--data', data], ENV));
    expect(indexFiles()).toEqual(before);

    // The next ingest is not refused by the dead process's lock, finishes the job, and leaves index = store.
    const resumed = await runCli(['ingest', '--corpus', corpus, '--data', data, '--json'], ENV);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toMatch(/Another storydesk process/);
    const ids = storedPassageIds(data);
    expect(new Set(ids).size).toBe(ids.length);
    expect(savedIndexLabels(data)).toEqual(ids);
    expect(existsSync(join(data, 'write.lock'))).toBe(false);
  });
});
