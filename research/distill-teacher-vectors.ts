/**
 * Step 1 of the static-embedder distillation: every SentencePiece piece of the Universal Sentence Encoder
 * vocabulary passed once through the encoder itself. Cached under node_modules/.cache (≈16 MB, ~30 s to
 * recompute) so tuning runs do not repeat it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadUseEncoder } from './lib/use-encoder.js';
import { readUseVocabulary } from '../src/providers/embedders/use-model-files.js';

const CACHE = resolve(import.meta.dirname, '../node_modules/.cache/storydesk/use-lite-piece-vectors.f32');
const TEACHER_DIMENSION = 512;

/** The piece as the encoder should read it: the word-start mark becomes a space. */
export function pieceText(piece: string): string {
  return piece.replace(/\u2581/g, ' ').trim();
}

/** Teacher vectors of every vocabulary id (zero rows for reserved ids and pieces that are only a word mark). */
export async function loadTeacherVectors(log: (line: string) => void = () => {}): Promise<{ rows: Float32Array[]; logProbabilities: number[]; pieces: string[] }> {
  const vocabulary = await readUseVocabulary();
  const pieces = vocabulary.map(([piece]) => piece);
  const logProbabilities = vocabulary.map(([, score]) => score);
  let flat: Float32Array;
  if (existsSync(CACHE)) {
    const bytes = await readFile(CACHE);
    flat = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } else {
    const started = performance.now();
    const encoder = await loadUseEncoder();
    flat = new Float32Array(pieces.length * TEACHER_DIMENSION);
    const ids = pieces.map((_, id) => id).filter((id) => id >= 6 && pieceText(pieces[id] ?? '').length > 0);
    for (let start = 0; start < ids.length; start += 512) {
      const batch = ids.slice(start, start + 512);
      const vectors = await encoder.embedDocuments(batch.map((id) => pieceText(pieces[id] ?? '')));
      batch.forEach((id, index) => flat.set(vectors[index] ?? [], id * TEACHER_DIMENSION));
    }
    log(`teacher: embedded ${ids.length} pieces with ${encoder.id} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await mkdir(dirname(CACHE), { recursive: true });
    await writeFile(CACHE, Buffer.from(flat.buffer));
  }
  const rows = pieces.map((_, id) => flat.subarray(id * TEACHER_DIMENSION, (id + 1) * TEACHER_DIMENSION));
  return { rows, logProbabilities, pieces };
}
