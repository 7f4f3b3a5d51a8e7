import { fitPrincipalComponents, projectRow } from './principal-components.js';
import { normalizeInPlace } from '../src/providers/embedders/vector-math.js';

/** How teacher vectors of vocabulary pieces become rows of a static table (Model2Vec-style). */
export interface DistillationSettings {
  /** Principal components kept; the teacher's own size keeps everything but still centres the rows. @default 256 */
  dimensions: number;
  /** Piece weighting: SIF a/(a+p) from the SentencePiece unigram probability p, or none. @default "sif" */
  weighting: 'sif' | 'none';
  /** SIF's smoothing constant a. @default 1e-3 */
  sifA: number;
  /**
   * Weight of a fixed random direction added to each piece before weighting, so exact piece overlap counts
   * as it does in lexical search (random directions are nearly orthogonal). 0 = pure teacher. @default 0
   */
  lexicalMix: number;
}

/** Short, stable text for the settings; part of the embedder id. */
export function describeSettings(settings: DistillationSettings): string {
  const weighting = settings.weighting === 'sif' ? `sif${settings.sifA}` : 'flat';
  return `pca${settings.dimensions}-${weighting}-lex${settings.lexicalMix}`;
}

/**
 * Builds weighted table rows from teacher vectors of each vocabulary piece (row i = piece id i) and the
 * pieces' unigram log-probabilities. Rows of pieces with no teacher vector (reserved ids) are zero.
 */
export function distillRows(teacher: Float32Array[], logProbabilities: number[], settings: DistillationSettings): Float32Array[] {
  return weightRows(projectTeacherRows(teacher, settings.dimensions), logProbabilities, settings);
}

/** Centres and PCA-reduces the teacher rows, each then scaled to unit length (zero rows stay zero). */
export function projectTeacherRows(teacher: Float32Array[], dimensions: number): Float32Array[] {
  const usable = teacher.filter(isNonZero);
  const pca = fitPrincipalComponents(usable, dimensions);
  return teacher.map((row) => {
    if (!isNonZero(row)) return new Float32Array(dimensions);
    const projected = projectRow(pca, row);
    normalizeInPlace(projected);
    return projected;
  });
}

/** Applies the lexical mix and the piece weights to projected unit rows (a copy; the input is untouched). */
export function weightRows(projected: Float32Array[], logProbabilities: number[], settings: DistillationSettings): Float32Array[] {
  return projected.map((source, id) => {
    if (!isNonZero(source)) return new Float32Array(source.length);
    const row = Float32Array.from(source);
    if (settings.lexicalMix > 0) {
      const direction = randomDirection(id, row.length);
      for (let i = 0; i < row.length; i++) row[i] = (row[i] as number) + settings.lexicalMix * (direction[i] as number);
      normalizeInPlace(row);
    }
    const weight = settings.weighting === 'sif' ? sifWeight(logProbabilities[id] ?? 0, settings.sifA) : 1;
    for (let i = 0; i < row.length; i++) row[i] = (row[i] as number) * weight;
    return row;
  });
}

function isNonZero(row: Float32Array): boolean {
  return row.some((value) => value !== 0);
}

/** Smooth inverse frequency: frequent pieces ("the", ",") count little, rare ones nearly 1. */
function sifWeight(logProbability: number, a: number): number {
  return a / (a + Math.exp(logProbability));
}

/** A unit vector that depends only on the piece id (mulberry32 + Box-Muller), so tables are reproducible. */
function randomDirection(id: number, dimensions: number): Float32Array {
  let state = (id * 2654435761) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  normalizeInPlace(out);
  return out;
}
