/**
 * One measuring run of `npm run bench:ask` (scripts/ask-latency.ts), in its own process so that nothing one
 * source tree memoised or compiled helps the other: indexes the eval corpus with the storydesk of `--root` (a
 * source tree, this one or a checkout of the baseline commit), asks every eval question once, in eval order,
 * and writes each ask's latency and reply to `--out` as JSON.
 *
 *   node --import tsx scripts/lib/ask-latency-run.ts --root . --work .cache/ask-latency/head --out /tmp/run.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { askedQuestions, loadEvalDataset, questionAskedAt } from './eval-dataset.js';
import { sharedDataDir } from './shared-data.js';

type OpenStorydesk = typeof import('../../src/app/open-storydesk.js');
type LoadConfig = typeof import('../../src/config/load-config.js');
type Logger = typeof import('../../src/app/logger.js');

/** What one run writes: latencies in ms and replies (JSON lines as `npm run eval -- --answers` writes them), in question order. */
export interface AskLatencyRun {
  root: string;
  latencies: number[];
  /** CPU time (user + system, all threads) of each ask in ms: less moved than wall-clock by other work on a shared machine. */
  cpu: number[];
  answers: string[];
}

/** A question no eval question repeats, asked once untimed so loading the models is not counted as an ask. */
const WARM_UP_QUESTION = 'What did the city council decide about the new library?';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: 'string' }, work: { type: 'string' }, out: { type: 'string' } } });
  if (!values.root || !values.work || !values.out) throw new Error('usage: ask-latency-run.ts --root DIR --work DIR --out FILE');
  const dataDir = sharedDataDir();
  if (!dataDir) throw new Error('../shared/data (RealTime QA development data) is not present on this machine.');
  const root = resolve(values.root);
  const work = resolve(values.work);
  const from = (path: string): string => pathToFileURL(join(root, path)).href;
  const { openStorydesk } = (await import(from('src/app/open-storydesk.ts'))) as OpenStorydesk;
  const { loadConfig } = (await import(from('src/config/load-config.ts'))) as LoadConfig;
  const { createLogger } = (await import(from('src/app/logger.ts'))) as Logger;

  const dataset = loadEvalDataset(dataDir);
  mkdirSync(work, { recursive: true });
  const corpusFile = join(work, 'rtqa-without-held-out-weeks.jsonl');
  writeFileSync(corpusFile, `${dataset.kept.map((record) => JSON.stringify(record)).join('\n')}\n`);
  // The eval's settings: defaults (offline embedder and answerer), SQLite, no story clustering (answers never use it).
  const storydesk = await openStorydesk({ dataDir: join(work, 'data'), env: loadConfig({}), logger: createLogger('warn'), stories: false });
  await storydesk.ingest([corpusFile]);
  await storydesk.ask(WARM_UP_QUESTION);
  const latencies: number[] = [];
  const cpu: number[] = [];
  const answers: string[] = [];
  for (const question of askedQuestions(dataset)) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const answer = await storydesk.ask(question.question, { askedAt: questionAskedAt(question) });
    const cpuUsed = process.cpuUsage(cpuBefore);
    latencies.push(performance.now() - started);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    answers.push(JSON.stringify({ id: question.id, answer }));
  }
  await storydesk.close();
  const run: AskLatencyRun = { root, latencies, cpu, answers };
  writeFileSync(resolve(values.out), JSON.stringify(run));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
