/**
 * Scores the offline stance engine on the development sets (FNC-1 and Emergent in ../shared/data) next to
 * a simple lexical baseline computed in the same run: accuracy, per-class P/R/F1, macro-F1 and the FNC-1
 * score (% of max), on the held-out groups (never used in training-time tuning) and on the full sets.
 * Usage: `npm run eval:stance [-- --sample N] [-- --json]`. Exits 0 with a message when the data is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScriptArguments } from './lib/script-arguments.js';
import type { Stance, StanceClassifier } from '../src/core/stance.js';
import { LexicalBaselineClassifier } from '../src/disputes/lexical-baseline.js';
import { loadStanceClassifier } from '../src/disputes/stance-classifier.js';
import { isHeldOut, type LabelledPair, loadEmergentPairs, loadFncPairs } from './lib/stance-dataset.js';
import { formatScores, type StanceScores, scoreStances } from './lib/stance-metrics.js';

const { values: options } = parseScriptArguments({
  options: {
    /** Score every k-th pair so that about this many remain (0: all). */
    sample: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});

const repoRoot = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.STORYDESK_SHARED_DATA ?? join(repoRoot, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'fnc1_stance_input.jsonl')) || !existsSync(join(dataDir, 'emergent_stance.jsonl'))) {
  console.log(
    `Skipping the stance evaluation: the development data is not at ${dataDir} (expected ../shared/data/fnc1_stance_*.jsonl and emergent_stance.jsonl).`,
  );
  process.exit(0);
}

const sample = Number(options.sample);
const asJson = options.json;

/** Every k-th pair, so a sample keeps the label mix and runs the same way each time. */
function thin(pairs: LabelledPair[]): LabelledPair[] {
  if (!sample || sample >= pairs.length) return pairs;
  const step = pairs.length / sample;
  return Array.from({ length: sample }, (_, index) => pairs[Math.floor(index * step)]).filter((pair): pair is LabelledPair => pair !== undefined);
}

interface Run {
  set: string;
  engine: StanceScores;
  baseline: StanceScores;
  pairsPerSecond: number;
}

async function evaluate(set: string, pairs: LabelledPair[], engine: StanceClassifier, baseline: StanceClassifier): Promise<Run> {
  const started = performance.now();
  const predicted: Stance[] = await engine.classify(pairs);
  const seconds = (performance.now() - started) / 1000;
  const gold = pairs.map((pair) => pair.label);
  return {
    set,
    engine: scoreStances(gold, predicted),
    baseline: scoreStances(gold, await baseline.classify(pairs)),
    pairsPerSecond: pairs.length / Math.max(seconds, 1e-9),
  };
}

const engine = loadStanceClassifier();
const baseline = new LexicalBaselineClassifier();
const fnc = thin(loadFncPairs(dataDir));
const emergent = thin(loadEmergentPairs(dataDir));
const runs: Run[] = [];
for (const [set, pairs] of [
  ['FNC-1 held-out', fnc.filter((pair) => isHeldOut(pair.group))],
  ['Emergent held-out', emergent.filter((pair) => isHeldOut(pair.group))],
  ['FNC-1 full (includes training data)', fnc],
  ['Emergent full (includes training data)', emergent],
] as const) {
  runs.push(await evaluate(set, pairs, engine, baseline));
}

if (asJson) {
  console.log(
    JSON.stringify({
      engine: engine.id,
      baseline: baseline.id,
      sample: sample || null,
      runs,
    }),
  );
} else {
  console.log(`stance engine ${engine.id} vs ${baseline.id}${sample ? ` (sample of ${sample} pairs per set)` : ''}; data ${dataDir}`);
  console.log('held-out = article clusters / Emergent claims never used for training-time tuning (see src/disputes/stance/PROVENANCE.md)\n');
  for (const run of runs) {
    console.log(formatScores(`${run.set} — engine (${Math.round(run.pairsPerSecond)} pairs/s)`, run.engine));
    console.log(formatScores(`${run.set} — lexical baseline`, run.baseline));
    console.log('');
  }
}
