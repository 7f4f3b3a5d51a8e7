/**
 * Soak test: many processes on one data folder for N minutes. The bot (`src/main.ts`, polling a local feed
 * every few seconds and answering questions piped to it) runs throughout; each round adds, edits and deletes
 * corpus files, runs a CLI ingest that is SIGKILLed at a random moment more often than not, runs CLI asks
 * while it works, asks the bot, sometimes SIGKILLs and restarts the bot, then lets one ingest finish and checks
 * the invariants (scripts/lib/soak-invariants.ts). Prints one JSON line with rounds, kills, asks and failures.
 *
 *   npm run soak -- --minutes 10 [--seed 7]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articlePage, FakeFeedServer, rssFeed } from '../test/fakes/feed-server.js';
import { fictionalArticle } from '../test/helpers/fictional-articles.js';
import { seededRandom } from './lib/seeded-random.js';
import { checkInvariants } from './lib/soak-invariants.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string', default: '7' }, keep: { type: 'boolean', default: false } } });
const deadline = performance.now() + Number(values.minutes) * 60_000;
const random = seededRandom(Number(values.seed));
const ROOT = resolve(import.meta.dirname, '..');
const questions = ['What did the Marlow Bay council vote on?', 'How much will the harbour bridge repairs cost?', 'Who opposed the solar farm in Velmont?', 'When does the night market open?'];

const temp = mkdtempSync(join(tmpdir(), 'storydesk-soak-'));
const data = join(temp, 'data');
const botCorpus = join(temp, 'bot-corpus');
const cliCorpus = join(temp, 'cli-corpus');
mkdirSync(botCorpus);
mkdirSync(cliCorpus);
for (let index = 0; index < 40; index += 1) writeFileSync(join(botCorpus, `bot-${index}.md`), fictionalArticle(10_000 + index));

const feeds = await FakeFeedServer.start();
let feedItems = 0;
function publishFeed(): void {
  feedItems += 5;
  const items = Array.from({ length: feedItems }, (_, index) => ({
    title: `Feed report ${index}`,
    link: feeds.url(`/story-${index}.html`),
    contentHtml: fictionalArticle(20_000 + index).split('---').pop() ?? '',
    published: new Date(Date.UTC(2031, 2, 1 + (index % 27))).toUTCString(),
  }));
  for (let index = feedItems - 5; index < feedItems; index += 1) {
    const body = fictionalArticle(20_000 + index).split('---').pop() ?? '';
    feeds.set(`/story-${index}.html`, articlePage(`Feed report ${index}`, [...body.trim().split('\n\n'), 'The wire service filed this report from its regional desk, citing council minutes and interviews with residents.']));
  }
  feeds.set('/news.xml', rssFeed('The Fictional Wire', items.slice(-30)));
}
publishFeed();

const environment = {
  PATH: process.env.PATH ?? '',
  LOG_LEVEL: 'warn',
  STORYDESK_CHECKPOINT_SECONDS: '1',
  STORYDESK_DATA_DIR: data,
  STORYDESK_CORPUS_DIR: botCorpus,
  FEEDS: feeds.url('/news.xml'),
  FEED_POLL_CRON: '*/3 * * * * *',
};

const figures = { rounds: 0, ingestsKilled: 0, botKills: 0, ingestsCompleted: 0, asks: 0, askFailures: 0, slowestAskMs: 0, botAnswers: 0, invariantFailures: 0, failures: [] as string[] };

function run(args: string[], options: { killAfterMs?: number } = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: environment });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (options.killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((done) => child.on('exit', (code, signal) => done({ code, signal, stdout, stderr, ms: performance.now() - started })));
}

class Bot {
  child: ChildProcess | null = null;
  #output = '';

  start(): void {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: environment, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => {
      // Errors (pino level 50 and up, or anything not JSON such as a crash) are failures; warnings are not.
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        let level = 60;
        try {
          level = (JSON.parse(line) as { level?: number }).level ?? 60;
        } catch {
          // Not a log line.
        }
        if (level >= 50) figures.failures.push(`bot stderr: ${line.slice(0, 300)}`);
      }
    });
    this.child = child;
  }

  /** Asks the bot through its piped chat and waits for a reply (an answer or an abstention). */
  async ask(question: string): Promise<boolean> {
    const before = this.#output.length;
    this.child?.stdin?.write(`${question}\n`);
    const started = performance.now();
    while (performance.now() - started < 120_000) {
      if (this.#output.length > before && this.#output.slice(before).includes('\n\n')) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin?.end();
    await exited;
  }
}

function recordAsk(result: { code: number | null; stdout: string; stderr: string; ms: number }, label: string): void {
  figures.asks += 1;
  figures.slowestAskMs = Math.max(figures.slowestAskMs, Math.round(result.ms));
  let ok = result.code === 0;
  if (ok) {
    try {
      const answer = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { answer?: string; abstained?: boolean };
      ok = answer.abstained === true || (typeof answer.answer === 'string' && answer.answer.length > 0);
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    figures.askFailures += 1;
    figures.failures.push(`${label}: exit ${result.code}: ${result.stderr.trim().slice(0, 300)}`);
  }
}

let nextArticle = 0;
function mutateCorpus(): void {
  for (let index = 0; index < 60; index += 1) {
    writeFileSync(join(cliCorpus, `cli-${nextArticle}.md`), fictionalArticle(nextArticle));
    nextArticle += 1;
  }
  for (let edit = 0; edit < 4 && nextArticle > 10; edit += 1) {
    const victim = Math.floor(random() * nextArticle);
    writeFileSync(join(cliCorpus, `cli-${victim}.md`), fictionalArticle(victim, { body: `Revised on round ${figures.rounds}. ${fictionalArticle(victim + 7).split('---').pop()}` }));
  }
  for (let removal = 0; removal < 2 && nextArticle > 10; removal += 1) {
    try {
      unlinkSync(join(cliCorpus, `cli-${Math.floor(random() * nextArticle)}.md`));
    } catch {
      // Already removed in an earlier round.
    }
  }
}

const bot = new Bot();
try {
  // The CLI corpus's first files, ingested before the bot starts so asks always find a store.
  mutateCorpus();
  const first = await run(['ingest', '--corpus', cliCorpus, '--data', data, '--json']);
  if (first.code !== 0) throw new Error(`the first ingest failed: ${first.stderr}`);
  bot.start();
  while (performance.now() < deadline) {
    figures.rounds += 1;
    mutateCorpus();
    publishFeed();
    const kill = random() < 0.65;
    const ingest = run(['ingest', '--corpus', cliCorpus, '--data', data, '--json', '--wait'], kill ? { killAfterMs: 300 + random() * 4000 } : {});
    const asks: Promise<void>[] = [];
    for (let index = 0; index < 3; index += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400 + random() * 800));
      asks.push(run(['ask', questions[(figures.rounds + index) % questions.length] ?? '', '--json', '--data', data]).then((result) => recordAsk(result, 'cli ask')));
    }
    const botAnswered = bot.ask(questions[figures.rounds % questions.length] ?? '');
    const ingested = await ingest;
    await Promise.all(asks);
    if (ingested.signal === 'SIGKILL') figures.ingestsKilled += 1;
    else if (ingested.code === 0) figures.ingestsCompleted += 1;
    else figures.failures.push(`round ${figures.rounds}: ingest exited ${ingested.code}: ${ingested.stderr.trim().slice(0, 300)}`);
    if (await botAnswered) figures.botAnswers += 1;
    else figures.failures.push(`round ${figures.rounds}: the bot did not answer within 120 s`);

    if (figures.rounds % 4 === 0) {
      // The bot is a writer too (start-up ingest, feed polls): kill it at a random moment and start it again.
      await new Promise((resolve) => setTimeout(resolve, random() * 3000));
      await bot.kill();
      figures.botKills += 1;
      bot.start();
    }

    // One ingest that runs to the end, so the folder is expected to be consistent; then the referee checks.
    const settled = await run(['ingest', '--corpus', cliCorpus, '--data', data, '--json', '--wait']);
    if (settled.code !== 0) figures.failures.push(`round ${figures.rounds}: settling ingest exited ${settled.code}: ${settled.stderr.trim().slice(0, 300)}`);
    const report = await checkInvariants(data).catch((error: unknown) => ({ articles: 0, passages: 0, vectors: 0, indexLabels: 0, failures: [String(error)] }));
    if (report.failures.length > 0) {
      figures.invariantFailures += 1;
      figures.failures.push(`round ${figures.rounds}: ${report.failures.join('; ')}`);
    }
    process.stderr.write(
      `round ${figures.rounds}: ingest ${ingested.signal === 'SIGKILL' ? 'killed' : 'completed'}, ${report.articles} articles, ${report.passages} passages, ${report.vectors} vectors, ${report.indexLabels} index labels, ${report.failures.length === 0 ? 'invariants hold' : `FAILED: ${report.failures.join('; ')}`}\n`,
    );
  }
} finally {
  await bot.stop().catch(() => undefined);
  await bot.kill().catch(() => undefined);
  await feeds.close();
  if (!values.keep) rmSync(temp, { recursive: true, force: true });
  else process.stderr.write(`kept ${temp}\n`);
}
process.stdout.write(`${JSON.stringify({ ...figures, failures: figures.failures.slice(0, 20) })}\n`);
process.exitCode = figures.invariantFailures + figures.askFailures > 0 || figures.failures.length > 0 ? 1 : 0;
