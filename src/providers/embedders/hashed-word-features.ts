import { stemmer } from 'stemmer';
import type { VocabularyEntry } from './sentence-piece-tokenizer.js';

/** Settings of the lexical channel appended to the distilled vectors. */
export interface LexicalChannelSettings {
  /** Width of the hashed word space. */
  dimensions: number;
  /** Share of the cosine that comes from word overlap (0–1); the rest is the distilled semantic part. */
  weight: number;
  /** Buckets each word is hashed into (with random signs), so two words rarely collide everywhere. */
  hashes: number;
  /** SIF smoothing constant for word weights a / (a + p(word)). */
  sifA: number;
}

const WORD_START = '\u2581';

/**
 * The lexical channel: every word of the text (re-assembled from its SentencePiece pieces, lower-cased and
 * Porter-stemmed) adds ±weight to a few hashed dimensions. Its cosine approximates weighted word overlap, which
 * is what the averaged piece vectors lose for names ("ByteDance" = By+te+D+ance). Word weights are
 * corpus-independent: SIF on the word's unigram probability, the product of its pieces' probabilities.
 * Writes a unit vector into `out` (all zeros when the text has no word).
 */
export function hashedWordFeatures(ids: readonly number[], vocabulary: readonly VocabularyEntry[], settings: LexicalChannelSettings, out: Float32Array): void {
  out.fill(0);
  forEachWord(ids, vocabulary, (key, logProbability) => addWord(key, settings.sifA / (settings.sifA + Math.exp(logProbability)), settings, out));
  let norm = 0;
  for (const value of out) norm += value * value;
  if (norm === 0) return;
  const inverse = 1 / Math.sqrt(norm);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * inverse;
}

/**
 * The words of a tokenized text, re-assembled from their SentencePiece pieces, lower-cased and Porter-stemmed,
 * each with its log unigram probability (the sum of its pieces'). Punctuation ends a word without being part
 * of one ("said," / "U.S.").
 */
export function forEachWord(ids: readonly number[], vocabulary: readonly VocabularyEntry[], visit: (stemmedWord: string, logProbability: number) => void): void {
  const pieces = piecesOf(vocabulary);
  let word = '';
  let logProbability = 0;
  const flush = (): void => {
    const key = word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (key.length > 0) visit(stemmer(key), logProbability);
    word = '';
    logProbability = 0;
  };
  for (const id of ids) {
    const piece = pieces[id];
    if (id === 0 || piece === undefined || piece.punctuation) {
      flush();
      continue;
    }
    if (piece.startsWord) flush();
    word += piece.text;
    logProbability += piece.logProbability;
  }
  flush();
}

interface PieceInfo {
  text: string;
  startsWord: boolean;
  punctuation: boolean;
  logProbability: number;
}

const pieceCache = new WeakMap<readonly VocabularyEntry[], PieceInfo[]>();

/** Per-piece facts the word assembly needs, computed once per vocabulary (regexes per token are slow). */
function piecesOf(vocabulary: readonly VocabularyEntry[]): PieceInfo[] {
  let pieces = pieceCache.get(vocabulary);
  if (pieces === undefined) {
    pieces = vocabulary.map(([piece, logProbability]) => {
      const text = piece.replace(WORD_START, '');
      return { text, startsWord: piece.startsWith(WORD_START), punctuation: !/[\p{L}\p{N}]/u.test(text), logProbability };
    });
    pieceCache.set(vocabulary, pieces);
  }
  return pieces;
}

function addWord(key: string, weight: number, settings: LexicalChannelSettings, out: Float32Array): void {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  for (let h = 0; h < settings.hashes; h++) {
    const mixed = finalize((hash + Math.imul(h + 1, 0x9e3779b9)) >>> 0);
    const bucket = (mixed >>> 1) % settings.dimensions;
    out[bucket] = (out[bucket] as number) + (mixed & 1 ? weight : -weight);
  }
}

/** murmur3's 32-bit finaliser: spreads similar hashes apart. */
function finalize(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
