import type { Evidence } from '../../core/generator.js';

/** A passage as the model sees it: numbered from 1 in prompt order. */
export interface NumberedPassage {
  n: number;
  evidence: Evidence;
  /** True for context passages (given to find denials and contradictions, ranked after the evidence). */
  context: boolean;
}

/**
 * A safe token estimate without a tokenizer: 3.5 ASCII characters per token (English news text measures
 * 4.6 with o200k_base, so this overestimates), and one token per non-ASCII character, which covers scripts
 * such as Chinese where a character can be a whole token. js-tiktoken would be exact for OpenAI models but
 * costs ~620 ms and ~200 MB to load its ranks, and is not exact for Llama or Qwen tokenizers anyway.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) < 128) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / 3.5 + other);
}

/** Per-passage overhead of the <passage …> wrapper with its attributes, in tokens. */
const PASSAGE_OVERHEAD_TOKENS = 40;

/**
 * Numbers the evidence (in retrieval order) and then the context passages, keeping each one that still fits
 * the budget; a passage too large to fit is skipped so that smaller later ones can still be used.
 */
export function fitPassages(evidence: Evidence[], context: Evidence[], budgetTokens: number): NumberedPassage[] {
  const fitted: NumberedPassage[] = [];
  const seen = new Set<number>();
  let remaining = budgetTokens;
  const offer = (item: Evidence, isContext: boolean): void => {
    if (seen.has(item.passage.id)) return;
    const cost = estimateTokens(item.passage.text) + estimateTokens(item.article.title) + PASSAGE_OVERHEAD_TOKENS;
    if (cost > remaining) return;
    seen.add(item.passage.id);
    remaining -= cost;
    fitted.push({ n: fitted.length + 1, evidence: item, context: isContext });
  };
  for (const item of evidence) offer(item, false);
  for (const item of context) offer(item, true);
  return fitted;
}
