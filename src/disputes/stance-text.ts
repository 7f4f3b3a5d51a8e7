import { stemmer } from 'stemmer';
import { STOP_WORDS } from '../text/stop-words.js';
import { type Hedge, hedgeOf } from './hedge.js';
import { ALL_CUE_WORDS, CONFIRMING_WORDS, HEDGING_WORDS, NEGATION_WORDS, REFUTING_PHRASES, REFUTING_WORDS } from './stance-cues.js';

/** Cue counts of a stretch of text. */
export interface CueCounts {
  refuting: number;
  hedging: number;
  confirming: number;
  negation: number;
  refutingPhrases: number;
}

/** One sentence of a text, analysed once. */
export interface AnalyzedSentence {
  text: string;
  /** Number of words (the words themselves are not kept: cached analyses must stay small). */
  wordCount: number;
  /** Stemmed content terms (stop-words removed). */
  terms: Set<string>;
  /** Stems of every word, stop-words included ("up", "more"), for the opposite-word features. */
  stems: Set<string>;
  /** Adjacent content-term pairs ("huawei chip"). */
  bigrams: Set<string>;
  cues: CueCounts;
  /** The sentence's hedge by the same cue rules as claim extraction (denied, unverified, reported…). */
  hedge: Hedge;
  /** Cue words present, for the hashed cue-identity features. */
  cueWords: Set<string>;
}

/** A claim or text broken into sentences with everything the features need, computed once per distinct text. */
export interface AnalyzedText {
  sentences: AnalyzedSentence[];
  /** Union of the sentences' terms, with counts (for a cosine between claim and text). */
  termCounts: Map<string, number>;
  bigrams: Set<string>;
  wordCount: number;
  cues: CueCounts;
}

const WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;
// Split after sentence punctuation followed by space and an upper-case letter or quote, and at line breaks.
const SENTENCE_BREAK = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])|\n+/;
/** Long bodies are cut: stance is decided near the top, and this bounds the cost per text. */
const MAX_SENTENCES = 80;

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

function emptyCues(): CueCounts {
  return {
    refuting: 0,
    hedging: 0,
    confirming: 0,
    negation: 0,
    refutingPhrases: 0,
  };
}

function addCues(into: CueCounts, from: CueCounts): void {
  into.refuting += from.refuting;
  into.hedging += from.hedging;
  into.confirming += from.confirming;
  into.negation += from.negation;
  into.refutingPhrases += from.refutingPhrases;
}

/** Sums the cues of several sentences. */
export function sumCues(sentences: readonly AnalyzedSentence[]): CueCounts {
  const total = emptyCues();
  for (const sentence of sentences) addCues(total, sentence.cues);
  return total;
}

function analyzeSentence(text: string): AnalyzedSentence {
  const lower = text.toLowerCase().replace(/’/g, "'");
  const words = (lower.match(WORD) ?? []).map((word) => (word.endsWith("'s") ? word.slice(0, -2) : word));
  const terms = new Set<string>();
  const stems = new Set<string>();
  const bigrams = new Set<string>();
  const cues = emptyCues();
  const cueWords = new Set<string>();
  let previous: string | null = null;
  for (const word of words) {
    if (REFUTING_WORDS.has(word)) cues.refuting += 1;
    if (HEDGING_WORDS.has(word)) cues.hedging += 1;
    if (CONFIRMING_WORDS.has(word)) cues.confirming += 1;
    if (NEGATION_WORDS.has(word) || word.endsWith("n't")) cues.negation += 1;
    if (ALL_CUE_WORDS.has(word)) cueWords.add(word);
    const term = stem(word);
    stems.add(term);
    if (STOP_WORDS.has(word) || word.length < 2) continue;
    terms.add(term);
    if (previous !== null) bigrams.add(`${previous} ${term}`);
    previous = term;
  }
  for (const phrase of REFUTING_PHRASES) if (phrase.test(lower)) cues.refutingPhrases += 1;
  return {
    text,
    wordCount: words.length,
    terms,
    stems,
    bigrams,
    cues,
    hedge: hedgeOf(text),
    cueWords,
  };
}

/** Splits a text into sentences and analyses each; pure, and cheap enough to run on every distinct text. */
export function analyzeText(text: string): AnalyzedText {
  const pieces = text
    .split(SENTENCE_BREAK)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0)
    .slice(0, MAX_SENTENCES);
  const sentences = pieces.map(analyzeSentence);
  const termCounts = new Map<string, number>();
  const bigrams = new Set<string>();
  let wordCount = 0;
  for (const sentence of sentences) {
    wordCount += sentence.wordCount;
    for (const term of sentence.terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    for (const bigram of sentence.bigrams) bigrams.add(bigram);
  }
  return {
    sentences,
    termCounts,
    bigrams,
    wordCount,
    cues: sumCues(sentences),
  };
}

/** A bounded memo of `analyzeText`, so a body shared by many pairs is analysed once. */
export class TextAnalysisCache {
  private readonly entries = new Map<string, AnalyzedText>();
  constructor(private readonly capacity = 2_000) {}

  get(text: string): AnalyzedText {
    let analyzed = this.entries.get(text);
    if (!analyzed) {
      analyzed = analyzeText(text);
      // Drop the oldest entry when full: inputs are usually grouped by text, so recent ones are the useful ones.
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(text, analyzed);
    }
    return analyzed;
  }
}
