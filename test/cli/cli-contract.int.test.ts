import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

/** Runs the CLI exactly as outside scripts do: `npm run -s cli -- ...`. */
async function cli(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    return { stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; code?: number };
    return { stdout: failed.stdout ?? '', code: failed.code ?? 1 };
  }
}

describe('CLI contract', () => {
  const temp = makeTempDir();
  const data = join(temp.path, 'data');
  afterAll(() => temp.remove());

  it('ingest --json prints the report and nothing else', async () => {
    const { stdout, code } = await cli('ingest', '--corpus', join(ROOT, 'corpus'), '--data', data, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ added: 1, updated: 0, unchanged: 0, removed: 0, skipped: [] });
  });

  it('search and ask with --queries print one JSON line per input line, in order, with ids', async () => {
    const queries = join(temp.path, 'queries.jsonl');
    writeFileSync(queries, `${JSON.stringify({ id: 'q1', query: 'Huawei Ascend 910B' })}\nnot json\n${JSON.stringify({ id: 7, query: 'TikTok spokesperson' })}\n`);
    const search = await cli('search', '--queries', queries, '--k', '3', '--json', '--data', data);
    const searchLines = search.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; results: { articleId: string; title: string; passage: string; score: number }[] });
    expect(searchLines.map((line) => line.id)).toEqual(['q1', null, 7]);
    expect(searchLines[0]?.results[0]).toMatchObject({ articleId: 'bytedance-huawei-chips-benzinga' });
    expect(searchLines[0]?.results[0]?.passage).toContain('Ascend 910B');

    const questions = join(temp.path, 'questions.jsonl');
    writeFileSync(questions, `${JSON.stringify({ id: 'a', question: 'Is ByteDance training an AI model on Huawei chips?' })}\n${JSON.stringify({ id: 'b', question: 'What is the capital of France?' })}\n`);
    const ask = await cli('ask', '--queries', questions, '--json', '--data', data);
    const [first, second] = ask.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(first ?? {})).toEqual(expect.arrayContaining(['id', 'question', 'answer', 'abstained', 'statements', 'citations', 'disputes']));
    expect(first).toMatchObject({ id: 'a', abstained: false });
    expect(first?.disputes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'denied' })]));
    expect(second).toMatchObject({ id: 'b', abstained: true });
  });

  it('exits non-zero only when nothing usable was given', async () => {
    const empty = join(temp.path, 'nothing.docx');
    writeFileSync(empty, 'x');
    const { stdout, code } = await cli('ingest', '--corpus', empty, '--data', data, '--json');
    expect(code).not.toBe(0);
    expect(JSON.parse(stdout).skipped[0].reason).toMatch(/extension|supported/i);
  });
});
