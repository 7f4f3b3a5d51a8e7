/**
 * One replica for the ask-throughput benchmark: opens storydesk as a reader (its own process, sharing the store
 * with the other replicas), prints `ready`, waits for a line on standard input, then keeps `--clients`
 * concurrent askers busy for `--seconds` and prints one JSON object: asks done, their latencies and peak RSS.
 * Usage: tsx scripts/bench-replica.ts --questions FILE.json [--data DIR | --database-url postgres://…] [--clients 4] [--seconds 20]
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { percentile } from './lib/metrics.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string' },
    data: { type: 'string', default: '.bench/replica-unused' },
    'database-url': { type: 'string' },
    clients: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '20' },
    /** Where this replica starts in the question list, so replicas do not ask the same question at once. */
    offset: { type: 'string', default: '0' },
  },
});

async function main(): Promise<void> {
  if (!values.questions) throw new Error('usage: bench-replica.ts --questions FILE.json [--data DIR | --database-url URL]');
  const questions = JSON.parse(readFileSync(values.questions, 'utf8')) as string[];
  const storydesk = await openStorydesk({
    dataDir: resolve(values.data),
    env: loadConfig({ DATABASE_URL: values['database-url'] }),
    logger: createLogger('warn'),
    role: 'reader',
    stories: false,
  });
  // Warm up before the clock starts, as a replica that has served for a while is.
  for (const question of questions.slice(0, 5)) await storydesk.ask(question);
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();

  const seconds = Number(values.seconds);
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let next = Number(values.offset);
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const question = questions[next % questions.length] as string;
      next += 1;
      const started = performance.now();
      await storydesk.ask(question);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Number(values.clients) }, () => client()));
  const elapsedMs = performance.now() - started;
  await storydesk.close();
  console.log(
    JSON.stringify({
      asks: latencies.length,
      elapsedMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
