import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Stance } from '../../src/core/stance.js';

/**
 * Loads the development stance sets from `../shared/data` (FNC-1 and Emergent). Only scripts and
 * skipped-if-absent tests call this: the data is never copied into the repo.
 */

/** A labelled pair with the group it must be held out with (FNC-1 article cluster, Emergent claim). */
export interface LabelledPair {
  id: string;
  claim: string;
  text: string;
  label: Stance;
  group: string;
  dataset: 'fnc1' | 'emergent';
}

const inputLine = z.object({
  id: z.string(),
  claim: z.string(),
  text: z.string(),
});
const fncLabelLine = z.object({
  id: z.string(),
  label: z.enum(['agree', 'disagree', 'discuss', 'unrelated']),
  bodyId: z.union([z.string(), z.number()]),
  cluster: z.string(),
});
const emergentLine = inputLine.extend({
  label: z.enum(['for', 'against', 'observing']),
  claimId: z.string(),
});

const EMERGENT_TO_FNC: Record<'for' | 'against' | 'observing', Stance> = {
  for: 'agree',
  against: 'disagree',
  observing: 'discuss',
};

function readLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path} line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** FNC-1 pairs joined with their labels. */
export function loadFncPairs(dataDir: string): LabelledPair[] {
  const labels = new Map(readLines(join(dataDir, 'fnc1_stance_labels.jsonl'), fncLabelLine).map((entry) => [entry.id, entry]));
  return readLines(join(dataDir, 'fnc1_stance_input.jsonl'), inputLine).flatMap((pair) => {
    const label = labels.get(pair.id);
    return label
      ? [
          {
            ...pair,
            label: label.label,
            group: label.cluster,
            dataset: 'fnc1' as const,
          },
        ]
      : [];
  });
}

/** Emergent claim/headline pairs, labels mapped for→agree, against→disagree, observing→discuss. */
export function loadEmergentPairs(dataDir: string): LabelledPair[] {
  return readLines(join(dataDir, 'emergent_stance.jsonl'), emergentLine).map((pair) => ({
    id: pair.id,
    claim: pair.claim,
    text: pair.text,
    label: EMERGENT_TO_FNC[pair.label],
    group: `emergent-${pair.claimId}`,
    dataset: 'emergent' as const,
  }));
}

/** Deterministic split into held-out (about `share` of the groups) and tuning groups. */
export function isHeldOut(group: string, share = 0.2): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < group.length; index += 1) hash = Math.imul(hash ^ group.charCodeAt(index), 0x01000193);
  return ((hash >>> 0) % 1000) / 1000 < share;
}

/** Cross-validation fold of a group; another `seed` gives another assignment (for repeated cross-validation). */
export function foldOf(group: string, folds: number, seed = 0x12345): number {
  let hash = seed;
  for (let index = 0; index < group.length; index += 1) hash = Math.imul(hash ^ group.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % folds;
}
