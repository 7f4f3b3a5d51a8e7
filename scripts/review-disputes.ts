/**
 * Prints what the dispute finder shows users, for reading by hand: precision of disputes cannot be scored
 * without labels, so this lays out a fixed sample to judge.
 *
 *   npx tsx scripts/review-disputes.ts stories [N]    # disputes and confirmations of the N largest multi-outlet stories
 *   npx tsx scripts/review-disputes.ts answers        # dispute and confirmation lines of the RTQA questions' answers
 *   npx tsx scripts/review-disputes.ts hedges denied [N] [SEED]   # a fixed random sample of sentences read as denials
 *
 * `stories` and `answers` read the store `npm run eval` builds (.cache/eval/data); `hedges` reads the RTQA
 * corpus in ../shared/data. Skips with a message when either is missing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScriptArguments } from './lib/script-arguments.js';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { extractClaims } from '../src/disputes/claims.js';
import type { Hedge } from '../src/disputes/hedge.js';
import { segmentSentences } from '../src/ingest/segment-sentences.js';
import { seededRandom } from './lib/seeded-random.js';
import { sharedDataDir } from './lib/shared-data.js';
import { readJsonlFile } from './lib/read-jsonl-file.js';

const EVAL_STORE = resolve(import.meta.dirname, '..', '.cache', 'eval', 'data');
// Positional arguments only; an option (a typo such as --stories) is refused rather than ignored.
const { positionals } = parseScriptArguments({ allowPositionals: true, options: {} });
const [mode = 'stories', ...rest] = positionals;
if (!['stories', 'answers', 'hedges'].includes(mode)) throw new Error(`review-disputes: unknown mode "${mode}"; use stories, answers or hedges`);

const clip = (text: string, length = 200): string => text.replace(/\s+/g, ' ').slice(0, length);

async function reviewStories(count: number): Promise<void> {
  const storydesk = await openStorydesk({ dataDir: EVAL_STORE, env: loadConfig({}), logger: createLogger('warn') });
  const stories = ((await storydesk.stories?.list()) ?? [])
    .filter((story) => story.sources.length >= 2)
    .sort((a, b) => b.articleIds.length - a.articleIds.length)
    .slice(0, count);
  let disputes = 0;
  let confirmations = 0;
  for (const summary of stories) {
    const story = await storydesk.stories?.get(summary.id);
    if (!story || (story.disputes.length === 0 && story.confirmations.length === 0)) continue;
    console.log(`\n## ${story.title} (${story.articleIds.length} articles)`);
    for (const dispute of story.disputes) {
      disputes += 1;
      console.log(`  ${dispute.kind.toUpperCase()} by ${dispute.disputedBy ?? '?'}\n    claim   ${clip(dispute.claim)}\n    counter ${clip(dispute.counter)}`);
    }
    for (const confirmation of story.confirmations) {
      confirmations += 1;
      console.log(`  CONFIRMED by ${confirmation.confirmedBy ?? '?'}\n    claim   ${clip(confirmation.claim)}\n    later   ${clip(confirmation.confirmation)}`);
    }
  }
  console.log(`\n${stories.length} stories, ${disputes} disputes, ${confirmations} confirmations`);
  await storydesk.close();
}

async function reviewAnswers(dataDir: string): Promise<void> {
  const storydesk = await openStorydesk({ dataDir: EVAL_STORE, env: loadConfig({}), logger: createLogger('warn') });
  let withDispute = 0;
  let lines = 0;
  const questions = readJsonlFile<{ question: string }>(join(dataDir, 'rtqa_questions.jsonl'));
  for (const { question } of questions) {
    const answer = await storydesk.ask(question);
    const marked = answer.answer.split('\n').filter((line) => /^\s*[⚠✓]/u.test(line));
    if (answer.disputes.length > 0) withDispute += 1;
    if (marked.length === 0) continue;
    lines += marked.length;
    console.log(`\nQ ${question}\n${marked.map((line) => clip(line, 300)).join('\n')}`);
  }
  console.log(`\n${questions.length} questions, ${withDispute} answers with a dispute, ${lines} dispute or confirmation lines`);
  await storydesk.close();
}

function reviewHedges(dataDir: string, hedge: Hedge, count: number, seed: number): void {
  const articles = readJsonlFile<{ body: string }>(join(dataDir, 'rtqa_corpus.jsonl'));
  const found: string[] = [];
  let total = 0;
  for (const { body } of articles) {
    const claims = extractClaims(body, segmentSentences(body));
    total += claims.length;
    for (const claim of claims) if (claim.hedge === hedge) found.push(clip(claim.text, 220));
  }
  const random = seededRandom(seed);
  const sample = found
    .map((text) => ({ text, key: random() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, count);
  console.log(`${found.length} of ${total} sentences read as ${hedge}; a sample of ${sample.length} (seed ${seed}):`);
  sample.forEach(({ text }, index) => console.log(`${index + 1}. ${text}`));
}

const dataDir = sharedDataDir();
if (!dataDir) {
  console.log('review-disputes: skipped — ../shared/data is not present on this machine.');
} else if (mode === 'hedges') {
  reviewHedges(dataDir, (rest[0] ?? 'denied') as Hedge, Number(rest[1] ?? 40), Number(rest[2] ?? 31));
} else if (!existsSync(EVAL_STORE)) {
  console.log('review-disputes: run `npm run eval` first; it builds the store this reads.');
} else if (mode === 'answers') {
  await reviewAnswers(dataDir);
} else {
  await reviewStories(Number(rest[0] ?? 12));
}
