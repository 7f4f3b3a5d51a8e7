/**
 * `npm run bench:ask-latency`: how long an ask takes on the eval data, and whether a change kept every reply.
 *
 * Asks the `npm run eval` questions (answerable, held-out weeks, unanswerable; 190) once each against the eval
 * corpus, each round in a fresh process (scripts/lib/ask-latency-run.ts), so a memo only helps as much as one
 * pass over the questions lets it. With `--baseline REF` the same runs use a checkout of REF (a temporary git
 * worktree), alternating baseline and this tree back to back, so both see the same load on a shared machine;
 * the replies of every round are compared byte for byte with the baseline's.
 *
 *   npm run bench:ask-latency -- --baseline main --rounds 3
 *   npm run bench:ask-latency                          # this tree only
 *
 * Latency is wall-clock per ask (retrieval + answering), after one untimed warm-up ask per process; the CPU time
 * of each ask is reported too, as it moves less than wall-clock when other work shares the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AskLatencyRun } from './lib/ask-latency-run.js';
import { percentile } from './lib/metrics.js';
import { sharedDataDir } from './lib/shared-data.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNNER = join(ROOT, 'scripts', 'lib', 'ask-latency-run.ts');

interface Tree {
  label: string;
  root: string;
  runs: AskLatencyRun[];
}

function git(args: string[], cwd = ROOT): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A detached checkout of `ref` beside the system's temp files, sharing this tree's node_modules. */
function checkout(ref: string): string {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const root = join(mkdtempSync(join(tmpdir(), 'storydesk-ask-latency-')), 'tree');
  git(['worktree', 'add', '--detach', root, commit]);
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(root, 'node_modules'));
  return root;
}

function measure(tree: Tree, work: string, round: number): AskLatencyRun {
  const out = join(work, `${tree.label}-round-${round}.json`);
  execFileSync(process.execPath, ['--import', 'tsx', RUNNER, '--root', tree.root, '--work', join(work, tree.label), '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const run = JSON.parse(readFileSync(out, 'utf8')) as AskLatencyRun;
  tree.runs.push(run);
  return run;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
const summary = (latencies: number[]): string => `p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, mean ${ms(mean(latencies))}`;
const spread = (runs: AskLatencyRun[], p: number, of: (run: AskLatencyRun) => number[] = (run) => run.latencies): string => {
  const values = runs.map((run) => percentile(of(run), p));
  return `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ms`;
};

function main(): void {
  const { values } = parseArgs({ options: { baseline: { type: 'string' }, rounds: { type: 'string', default: '3' }, work: { type: 'string' } } });
  if (!sharedDataDir()) {
    console.log('bench:ask-latency: skipped — ../shared/data (RealTime QA development data) is not present on this machine.');
    return;
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
  const work = resolve(values.work ?? join(ROOT, '.cache', 'ask-latency'));
  const head: Tree = { label: 'this-tree', root: ROOT, runs: [] };
  const baseline: Tree | undefined = values.baseline ? { label: `baseline-${git(['rev-parse', '--short', values.baseline])}`, root: checkout(values.baseline), runs: [] } : undefined;
  try {
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which goes first, so neither always runs just after the other's load.
      const order = baseline ? (round % 2 === 0 ? [baseline, head] : [head, baseline]) : [head];
      for (const tree of order) {
        const run = measure(tree, work, round);
        console.log(`round ${round + 1}, ${tree.label}: wall ${summary(run.latencies)}; CPU ${summary(run.cpu)} (${run.latencies.length} asks; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`);
      }
    }
  } finally {
    if (baseline && existsSync(baseline.root)) {
      git(['worktree', 'remove', '--force', baseline.root]);
      rmSync(resolve(baseline.root, '..'), { recursive: true, force: true });
    }
  }
  console.log(`\n${rounds} round(s), each a fresh process asking every question once; spread = lowest–highest round.`);
  for (const tree of baseline ? [baseline, head] : [head]) {
    const wall = tree.runs.flatMap((run) => run.latencies);
    const cpu = tree.runs.flatMap((run) => run.cpu);
    console.log(`${tree.label.padEnd(18)} wall pooled ${summary(wall)}; p50 spread ${spread(tree.runs, 50)}, p95 spread ${spread(tree.runs, 95)}`);
    console.log(`${''.padEnd(18)} CPU  pooled ${summary(cpu)}; p50 spread ${spread(tree.runs, 50, (run) => run.cpu)}, p95 spread ${spread(tree.runs, 95, (run) => run.cpu)}`);
  }
  if (baseline) {
    const reference = baseline.runs[0]?.answers ?? [];
    const same = [...baseline.runs, ...head.runs].map((run) => run.answers.length === reference.length && run.answers.every((line, index) => line === reference[index]));
    const identical = same.every(Boolean);
    console.log(`replies: ${identical ? 'byte-identical' : 'DIFFERENT'} across all ${same.length} runs (${reference.length} replies each) and both trees.`);
    if (!identical) process.exitCode = 1;
  }
}

main();
