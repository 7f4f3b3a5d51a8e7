/**
 * Development tool: grid-searches the extractive answerer's abstention thresholds, then its answer-type bonus
 * (2026-11-29: gold in answer 40.7% at 0, 44.4% at 0.3, 45.4% at 0.5 and above; abstention unchanged), on the RealTime QA data,
 * reusing the store that `npm run eval` built (.cache/eval/data). Retrieval runs once per question; only the
 * answerer varies. Prints answer-contains-gold and abstention rates per setting.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusTermWeights } from '../src/answer/corpus-term-weights.js';
import { ExtractiveGenerator } from '../src/answer/extractive-generator.js';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import type { GenerateRequest } from '../src/core/generator.js';
import { normalizeForMatch } from '../scripts/lib/metrics.js';
import { sharedDataDir } from '../scripts/lib/shared-data.js';

const HELD_OUT_WEEKS = new Set(['20251003', '20260327']);

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (!dataDir) {
    console.log('tune: skipped — ../shared/data is not present.');
    return;
  }
  const questions = readFileSync(join(dataDir, 'rtqa_questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { question: string; answer_text: string; week: string });
  const storydesk = await openStorydesk({ dataDir: resolve(import.meta.dirname, '../.cache/eval/data'), env: loadConfig({}), logger: createLogger('warn') });
  const requests: { request: GenerateRequest; gold: string; heldOut: boolean }[] = [];
  for (const question of questions) {
    requests.push({ request: await storydesk.gatherEvidence(question.question), gold: normalizeForMatch(question.answer_text), heldOut: HELD_OUT_WEEKS.has(question.week) });
  }
  const weights = corpusTermWeights(storydesk.store);
  console.log('context\tsentence\tidf\tgold%\tabstainAnswerable%\tabstainHeldOut%');
  for (const idf of [true, false]) {
    for (const minContextCoverage of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      for (const minSentenceCoverage of [0.15, 0.25, 0.35, 0.45]) {
        const generator = new ExtractiveGenerator({ minContextCoverage, minSentenceCoverage, ...(idf ? { termWeights: weights } : {}) });
        let gold = 0;
        let abstainedAnswerable = 0;
        let abstainedHeldOut = 0;
        let answerable = 0;
        let heldOut = 0;
        for (const item of requests) {
          const answer = await generator.generate(item.request);
          if (item.heldOut) {
            heldOut += 1;
            if (answer.abstained) abstainedHeldOut += 1;
          } else {
            answerable += 1;
            if (answer.abstained) abstainedAnswerable += 1;
            if (normalizeForMatch(answer.answer).includes(item.gold)) gold += 1;
          }
        }
        const pct = (value: number, total: number): string => ((100 * value) / total).toFixed(1);
        console.log(`${minContextCoverage}\t${minSentenceCoverage}\t${idf}\t${pct(gold, answerable)}\t${pct(abstainedAnswerable, answerable)}\t${pct(abstainedHeldOut, heldOut)}`);
      }
    }
  }
  // Then the bonus for sentences that hold what the question asks for, at the shipped thresholds.
  console.log('\nanswerTypeWeight\tgold%\tabstainAnswerable%\tabstainHeldOut%');
  for (const answerTypeWeight of [0, 0.1, 0.2, 0.3, 0.5, 0.7]) {
    const generator = new ExtractiveGenerator({ termWeights: weights, answerTypeWeight });
    let gold = 0;
    let answerable = 0;
    let abstainedAnswerable = 0;
    let heldOut = 0;
    let abstainedHeldOut = 0;
    for (const item of requests) {
      const answer = await generator.generate(item.request);
      if (item.heldOut) {
        heldOut += 1;
        if (answer.abstained) abstainedHeldOut += 1;
        continue;
      }
      answerable += 1;
      if (answer.abstained) abstainedAnswerable += 1;
      if (normalizeForMatch(answer.answer).includes(item.gold)) gold += 1;
    }
    const pct = (value: number, total: number): string => ((100 * value) / total).toFixed(1);
    console.log(`${answerTypeWeight}\t${pct(gold, answerable)}\t${pct(abstainedAnswerable, answerable)}\t${pct(abstainedHeldOut, heldOut)}`);
  }
  storydesk.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
