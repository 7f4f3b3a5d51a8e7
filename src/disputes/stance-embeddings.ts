import { DISTILLED_STATIC_TABLE, StaticEmbedder } from '../providers/embedders/static-embedder.js';
import type { AnalyzedText } from './stance-text.js';

/**
 * Sentence vectors for the stance features, from the USE-distilled static table (models/static-use-lite/
 * distilled.bin: piece table plus a hashed word channel). It is the table the stance weights were trained on;
 * the retrieval default is that table trained further for retrieval. Relatedness needs to see "Bieber
 * ringtone scares bear" and "the singer's song frightened the animal" as close, which term overlap cannot.
 */

/** A unit vector stored as int8 with one scale: a quarter of the memory of float32, dot products within ~1e-3. */
export interface PackedVector {
  values: Int8Array;
  scale: number;
}

/** The vectors of a text: the whole text and each analysed sentence. */
export interface TextVectors {
  whole: PackedVector;
  sentences: PackedVector[];
}

function pack(vector: Float32Array): PackedVector {
  let largest = 0;
  for (const value of vector) largest = Math.max(largest, Math.abs(value));
  const scale = largest / 127 || 1;
  return { values: Int8Array.from(vector, (value) => Math.round(value / scale)), scale };
}

/** Cosine of two packed unit vectors. */
export function packedCosine(left: PackedVector, right: PackedVector): number {
  const a = left.values;
  const b = right.values;
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += (a[index] as number) * (b[index] as number);
  return sum * left.scale * right.scale;
}

let shared: StaticEmbedder | undefined;

/**
 * The static embedder (a 2 MB table and an 8,000-piece vocabulary), loaded synchronously on first use, once per
 * process: the stance classifier is built synchronously, and commands that never judge stance skip the cost.
 */
function staticEmbedder(): StaticEmbedder {
  shared ??= StaticEmbedder.loadSync(DISTILLED_STATIC_TABLE);
  return shared;
}

/** A bounded memo of text vectors, so a body shared by many pairs is embedded once. */
export class TextVectorCache {
  private readonly entries = new Map<string, TextVectors>();

  constructor(private readonly capacity = 2_000) {}

  /** The embedder's id (recorded with the weights; a test checks the shipped pair matches). */
  get embedderId(): string {
    return staticEmbedder().id;
  }

  get(text: string, analyzed: AnalyzedText): TextVectors {
    let vectors = this.entries.get(text);
    if (!vectors) {
      vectors = {
        whole: pack(staticEmbedder().embed(text)),
        sentences: analyzed.sentences.map((sentence) => pack(staticEmbedder().embed(sentence.text))),
      };
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(text, vectors);
    }
    return vectors;
  }
}
