/**
 * `npx tsx scripts/bench-web.ts [--data DIR] [--questions 10]`: how fast the web pages answer over the RealTime
 * QA corpus (../shared/data): /stories (first view computes the page's dispute badges, later views reuse them),
 * the 20 largest story pages, and /ask. Ingests the corpus into a temporary folder unless --data names one
 * that already holds it. Prints a table; timings are wall-clock over real HTTP on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { createWebApp } from '../src/web/web-app.js';
import { startWebServer } from '../src/web/start-web-server.js';
import { storyReader } from '../src/web/story-reader.js';
import { median, percentile } from './lib/metrics.js';
import { sharedDataDir } from './lib/shared-data.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, questions: { type: 'string', default: '10' } } });
const shared = sharedDataDir();
if (!shared) {
  console.log('bench-web: skipped — ../shared/data (rtqa_corpus.jsonl) is not present.');
  process.exit(0);
}
const temp = values.data ? null : mkdtempSync(join(tmpdir(), 'storydesk-bench-web-'));
const dataDir = values.data ?? join(temp ?? '', 'data');
const logger = createLogger('warn');
const storydesk = await openStorydesk({ dataDir, env: loadConfig({}), logger });
const ingestStart = performance.now();
await storydesk.ingest([join(shared, 'rtqa_corpus.jsonl')]);
const ingestMs = performance.now() - ingestStart;
if (!storydesk.stories) throw new Error('stories are not loaded');
const app = createWebApp({ stories: storyReader(storydesk.stories, storydesk.store), assistant: storydesk, logger });
const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });

async function timed(path: string): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  const response = await fetch(`${server.url}${path}`);
  const body = await response.text();
  return { ms: performance.now() - start, bytes: Buffer.byteLength(body), status: response.status };
}

const stories = await storydesk.stories.list();
const listCold = await timed('/stories');
const listWarm = [];
for (let run = 0; run < 5; run += 1) listWarm.push((await timed('/stories')).ms);
const largest = [...stories].sort((a, b) => b.articleIds.length - a.articleIds.length).slice(0, 20);
const storyTimes: number[] = [];
const storyBytes: number[] = [];
for (const story of largest) {
  const result = await timed(`/stories/${story.id}`);
  if (result.status !== 200) throw new Error(`/stories/${story.id} answered ${result.status}`);
  storyTimes.push(result.ms);
  storyBytes.push(result.bytes);
}
const questions = readFileSync(join(shared, 'rtqa_questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, Number(values.questions))
  .map((line) => (JSON.parse(line) as { question: string }).question);
const askTimes: number[] = [];
for (const question of questions) askTimes.push((await timed(`/ask?q=${encodeURIComponent(question)}`)).ms);

const round = (value: number) => value.toFixed(0);
console.log(`RealTime QA corpus: ${(await storydesk.store.counts()).articles} articles in ${stories.length} stories (ingest ${round(ingestMs / 1000)} s)`);
console.log('| page | runs | p50 ms | p95 ms | max ms | size KB |');
console.log('|---|---|---|---|---|---|');
console.log(`| /stories, first view (badges of 20 stories computed) | 1 | ${round(listCold.ms)} | – | – | ${(listCold.bytes / 1024).toFixed(1)} |`);
console.log(`| /stories, later views (badges cached) | ${listWarm.length} | ${round(median(listWarm))} | ${round(percentile(listWarm, 95))} | ${round(Math.max(...listWarm))} | – |`);
console.log(`| /stories/ID, 20 largest stories (${largest.at(-1)?.articleIds.length}–${largest[0]?.articleIds.length} articles) | ${storyTimes.length} | ${round(median(storyTimes))} | ${round(percentile(storyTimes, 95))} | ${round(Math.max(...storyTimes))} | ${(median(storyBytes) / 1024).toFixed(1)} (median) |`);
console.log(`| /ask?q= (RTQA questions) | ${askTimes.length} | ${round(median(askTimes))} | ${round(percentile(askTimes, 95))} | ${round(Math.max(...askTimes))} | – |`);
await server.stop();
storydesk.close();
if (temp) rmSync(temp, { recursive: true, force: true });
