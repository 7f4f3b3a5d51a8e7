import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROWING_CUP_REPORT, writeFictionalCorpus } from '../helpers/fictional-articles.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const THIS_WEEK = 'Which team won the Harbour Rowing Cup this week?';

interface AnswerLine {
  id: unknown;
  answer: string;
  abstained: boolean;
}

describe('ask --asked-at: replaying questions of a given day from the command line (real processes)', () => {
  const temp = makeTempDir();
  const data = join(temp.path, 'data');

  beforeAll(async () => {
    const corpus = join(temp.path, 'corpus');
    // The report is published 2031-05-03, next to six council stories.
    writeFictionalCorpus(corpus, { 'rowing.md': ROWING_CUP_REPORT });
    const ingest = await runCli(['ingest', '--corpus', corpus, '--data', data, '--json']);
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  afterAll(() => temp.remove());

  it('judges "this week" against the given day, as Slack and Discord do with the message time', async () => {
    const thatWeek = await runCli(['ask', THIS_WEEK, '--asked-at', '2031-05-06', '--json', '--data', data]);
    expect(thatWeek.code, thatWeek.stderr).toBe(0);
    expect(JSON.parse(thatWeek.stdout)).toMatchObject({ abstained: false, answer: expect.stringContaining('Quillon Otters') });

    const monthsLater = await runCli(['ask', THIS_WEEK, '--asked-at', '2031-09-20T10:00:00Z', '--json', '--data', data]);
    const declined = JSON.parse(monthsLater.stdout) as AnswerLine;
    expect(declined.abstained).toBe(true);
    expect(declined.answer).toContain('2031-05-03');
  });

  it('takes each --queries line\'s own "asked_at", and reports a malformed one on its line', async () => {
    const questions = join(temp.path, 'questions.jsonl');
    const lines = [
      { id: 'then', question: THIS_WEEK, asked_at: '2031-05-06' },
      { id: 'later', question: THIS_WEEK, asked_at: '2031-09-20' },
      { id: 'bad', question: THIS_WEEK, asked_at: 'next Tuesday' },
    ];
    writeFileSync(questions, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const result = await runCli(['ask', '--queries', questions, '--json', '--data', data]);
    expect(result.code, result.stderr).toBe(0);
    const [then, later, bad] = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as AnswerLine & { error?: string });
    expect(then).toMatchObject({ id: 'then', abstained: false });
    expect(later).toMatchObject({ id: 'later', abstained: true });
    expect(bad?.error).toMatch(/asked_at/);
  });

  it('refuses a time it cannot read before opening the store, with exit code 2', async () => {
    const result = await runCli(['ask', THIS_WEEK, '--asked-at', 'yesterday', '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--asked-at takes a date \(2024-09-27\)/);
  });
});
