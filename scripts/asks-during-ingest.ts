/**
 * Questions while an ingest runs on the same data folder: starts `cli ingest` of N generated articles (or of
 * the shared RealTime QA corpus with --shared) and runs one `cli ask` after another until it finishes.
 * Prints how many asks ran, how many failed (non-zero exit or no answer/abstention), and their p50 / slowest.
 *
 *   npx tsx scripts/asks-during-ingest.ts [--articles 1500] [--shared]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fictionalArticle } from '../test/helpers/fictional-articles.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1500' }, shared: { type: 'boolean', default: false } } });
const ROOT = resolve(import.meta.dirname, '..');
const sharedCorpus = resolve(ROOT, '../shared/data/rtqa_corpus.jsonl');

function run(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> } {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { done: new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }))) };
}

const temp = mkdtempSync(join(tmpdir(), 'storydesk-asks-'));
try {
  const data = join(temp, 'data');
  let corpus = join(temp, 'corpus');
  if (values.shared) {
    if (!existsSync(sharedCorpus)) throw new Error(`--shared needs ${sharedCorpus}`);
    corpus = sharedCorpus;
  } else {
    mkdirSync(corpus);
    for (let index = 0; index < Number(values.articles); index += 1) writeFileSync(join(corpus, `a-${index}.md`), fictionalArticle(index));
  }
  // A small first ingest, so the asks have a store from the start.
  const seed = join(temp, 'seed');
  mkdirSync(seed);
  writeFileSync(join(seed, 'seed.md'), fictionalArticle(100_000));
  await run(['ingest', '--corpus', seed, '--data', data]).done;

  let ingestDone = false;
  const ingest = run(['ingest', '--corpus', corpus, '--data', data, '--json']);
  void ingest.done.then(() => {
    ingestDone = true;
  });
  const asks: number[] = [];
  let failures = 0;
  while (!ingestDone) {
    const result = await run(['ask', 'What did the Marlow Bay council vote on?', '--json', '--data', data]).done;
    asks.push(result.ms);
    let ok = result.code === 0;
    try {
      const answer = JSON.parse(result.stdout) as { answer?: string; abstained?: boolean };
      ok &&= answer.abstained === true || (answer.answer ?? '').length > 0;
    } catch {
      ok = false;
    }
    if (!ok) {
      failures += 1;
      process.stderr.write(`ask failed: exit ${result.code} ${result.stderr.slice(0, 300)}\n`);
    }
  }
  const finished = await ingest.done;
  const sorted = [...asks].sort((a, b) => a - b);
  const result = {
    corpus: values.shared ? 'realtimeqa' : `${values.articles} generated`,
    ingestSeconds: Number((finished.ms / 1000).toFixed(1)),
    ingestExit: finished.code,
    asks: asks.length,
    askFailures: failures,
    askP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    askSlowestMs: Math.round(sorted[sorted.length - 1] ?? 0),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
