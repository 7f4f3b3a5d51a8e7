import type { PassageDraft, SentenceSpan } from '../core/passage.js';

/** How passages are sized. */
export interface ChunkOptions {
  /** Most sentences in one passage. @default 3 */
  maxSentences?: number;
  /** Passage length to stay under, in characters; one sentence may exceed it (up to twice). @default 500 */
  maxChars?: number;
}

const DEFAULT_MAX_SENTENCES = 3;
const DEFAULT_MAX_CHARS = 500;

/**
 * Groups consecutive sentences into passages of a few sentences, without overlap. A passage does not cross
 * a paragraph break unless it is still short (a one-line paragraph then joins its neighbour instead of
 * becoming a passage of its own); a sentence longer than twice `maxChars` is cut at whitespace.
 */
export function chunkPassages(body: string, sentences: SentenceSpan[], options: ChunkOptions = {}): PassageDraft[] {
  const maxSentences = Math.max(1, options.maxSentences ?? DEFAULT_MAX_SENTENCES);
  const maxChars = Math.max(1, options.maxChars ?? DEFAULT_MAX_CHARS);
  /** Below this a passage is thin enough to take the next paragraph's first sentence. */
  const shortPassage = maxChars / 4;
  const passages: PassageDraft[] = [];
  let group: SentenceSpan[] = [];
  const flush = (): void => {
    const first = group[0];
    const last = group[group.length - 1];
    if (first && last) passages.push({ ordinal: passages.length, start: first.start, end: last.end, text: body.slice(first.start, last.end), sentences: group });
    group = [];
  };
  const pieces = [...sentences].sort((a, b) => a.start - b.start).flatMap((sentence) => splitLongSentence(body, sentence, maxChars));
  for (const sentence of pieces) {
    const first = group[0];
    const previous = group[group.length - 1];
    if (first && previous) {
      const full = group.length >= maxSentences;
      const tooLong = sentence.end - first.start > maxChars;
      const newParagraph = /\n\s*\n/.test(body.slice(previous.end, sentence.start));
      if (full || tooLong || (newParagraph && previous.end - first.start >= shortPassage)) flush();
    }
    group.push(sentence);
  }
  flush();
  return passages;
}

/** Cuts a sentence longer than twice `maxChars` into pieces of at most `maxChars`, at whitespace when it can. */
function splitLongSentence(body: string, sentence: SentenceSpan, maxChars: number): SentenceSpan[] {
  if (sentence.end - sentence.start <= maxChars * 2) return [sentence];
  const pieces: SentenceSpan[] = [];
  let start = sentence.start;
  while (sentence.end - start > maxChars) {
    const space = body.lastIndexOf(' ', start + maxChars);
    let cut = space > start ? space : start + maxChars;
    // Never cut between the two halves of a surrogate pair (an emoji, a rare CJK character).
    if (/[\ud800-\udbff]/.test(body[cut - 1] ?? '')) cut -= 1;
    pieces.push({ start, end: trimEnd(body, start, cut) });
    start = cut;
    while (start < sentence.end && /\s/.test(body[start] ?? '')) start += 1;
  }
  if (start < sentence.end) pieces.push({ start, end: sentence.end });
  return pieces;
}

function trimEnd(body: string, start: number, end: number): number {
  let to = end;
  while (to > start + 1 && /\s/.test(body[to - 1] ?? '')) to -= 1;
  return to;
}
