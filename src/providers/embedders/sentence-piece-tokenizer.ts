/**
 * The SentencePiece (unigram) tokenizer of the Universal Sentence Encoder.
 *
 * Ported from Google's Apache-2.0 tokenizer in @tensorflow-models/universal-sentence-encoder (also bundled,
 * unexported, in @energetic-ai/embeddings). We port rather than import it because the official package pins
 * TensorFlow.js 3 (our tree has 4) and importing @energetic-ai/embeddings loads a second, bundled TensorFlow.js
 * (+150 MB RSS and a screen of "kernel already registered" warnings).
 *
 * Same Viterbi segmentation and tie-breaking as the original, but it walks the trie along the input instead of
 * copying the rest of the string at every position, so it is linear in the input rather than quadratic.
 */

/** One vocabulary entry: the piece and its unigram log-probability. */
export type VocabularyEntry = [piece: string, logProbability: number];

const WORD_START = '\u2581';
/** The first six ids are <unk>, <s>, </s> and three reserved ids that never match text. */
const RESERVED_PIECES = 6;
const UNKNOWN_ID = 0;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Vocabulary id of the piece ending here, or -1. */
  id: number;
}

/** Turns text into Universal Sentence Encoder vocabulary ids. */
export class SentencePieceTokenizer {
  private readonly root: TrieNode = { children: new Map(), id: -1 };
  private readonly scores: Float64Array;

  constructor(readonly vocabulary: readonly VocabularyEntry[]) {
    this.scores = new Float64Array(vocabulary.length);
    for (let id = 0; id < vocabulary.length; id++) {
      const entry = vocabulary[id];
      if (entry === undefined) continue;
      this.scores[id] = entry[1];
      if (id >= RESERVED_PIECES) this.insert(entry[0], id);
    }
  }

  /** Vocabulary ids of `text`, as the original tokenizer segments it (runs of unknown symbols merged). */
  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    if (normalized.length === 0) return [];
    const symbols = Array.from(WORD_START + normalized.replace(/ /g, WORD_START));
    const length = symbols.length;
    // best[i]: best score of a segmentation of symbols[0, i); 0 means "not reached yet", as in the original.
    const best = new Float64Array(length + 1);
    const pieceAt = new Int32Array(length + 1);
    const pieceLength = new Int32Array(length + 1);
    for (let start = 0; start < length; start++) {
      let node: TrieNode | undefined = this.root;
      let matched = false;
      for (let end = start; end < length && node !== undefined; end++) {
        node = node.children.get(symbols[end] as string);
        if (node !== undefined && node.id >= 0) {
          matched = true;
          this.relax(best, pieceAt, pieceLength, start, end + 1, node.id, this.scores[node.id] ?? 0);
        }
      }
      // A symbol no piece starts with becomes one unknown token of score 0.
      if (!matched) this.relax(best, pieceAt, pieceLength, start, start + 1, UNKNOWN_ID, 0);
    }
    const reversed: number[] = [];
    for (let end = length; end > 0; end -= Math.max(1, pieceLength[end] ?? 1)) {
      reversed.push(pieceAt[end] ?? UNKNOWN_ID);
    }
    const ids: number[] = [];
    for (let index = reversed.length - 1; index >= 0; index--) {
      const id = reversed[index] as number;
      if (id === UNKNOWN_ID && ids.length > 0 && ids[ids.length - 1] === UNKNOWN_ID) continue;
      ids.push(id);
    }
    return ids;
  }

  private relax(
    best: Float64Array,
    pieceAt: Int32Array,
    pieceLength: Int32Array,
    start: number,
    end: number,
    id: number,
    score: number,
  ): void {
    const candidate = score + (best[start] ?? 0);
    const current = best[end] ?? 0;
    // `>=` and the 0-means-unset test reproduce the original's tie-breaking exactly.
    if (current === 0 || candidate >= current) {
      best[end] = candidate;
      pieceAt[end] = id;
      pieceLength[end] = end - start;
    }
  }

  private insert(piece: string, id: number): void {
    let node = this.root;
    for (const symbol of piece) {
      let child = node.children.get(symbol);
      if (child === undefined) {
        child = { children: new Map(), id: -1 };
        node.children.set(symbol, child);
      }
      node = child;
    }
    node.id = id;
  }
}
