/**
 * Turns a user's question into an FTS5 query that can never be a syntax error.
 *
 * Every term is emitted as a double-quoted FTS5 string containing only letters, digits and spaces,
 * so operators (AND, OR, NOT, NEAR), column filters, `*`, `^`, `-`, parentheses and stray quotes in
 * the question lose their meaning. Terms are OR-ed: BM25 then ranks passages that match more of them.
 */

/** Frequent English words that only add noise to a BM25 query, plus question words and contraction stems. */
const stopWords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
  no nor not now of off on once only or other our ours ourselves out over own same she should so some such
  than that the their theirs them themselves then there these they this those through to too under until up
  very was we were what when where which while who whom whose why will with would you your yours yourself
  yourselves tell know please anything something
  isn aren wasn weren don doesn didn won wouldn couldn shouldn hasn haven hadn can cannot ll ve re`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Contraction or possessive endings ("what's", "didn't", "Huawei's") stripped before the stop-word check. */
const contractionSuffix = /['\u2019](s|t|re|ve|ll|d|m)$/u;
/** Runs of characters that unicode61 keeps inside one token. */
const tokenCharacters = /[\p{L}\p{N}\p{M}]+/gu;

/** Upper bound on terms, so a pasted essay cannot make one query scan the whole index many times. */
const maxTerms = 32;

/**
 * Builds a safe FTS5 MATCH expression from free text, or null when nothing searchable is left
 * (only stop-words or punctuation). Multi-part words ("U.S.", "Covid-19", "2.4%") become phrases,
 * which match the same consecutive tokens the indexer produced from the article text.
 */
export function toSafeFtsQuery(text: string): string | null {
  const terms = queryTerms(text);
  return terms.length === 0 ? null : terms.map((parts) => `"${parts.join(' ')}"`).join(' OR ');
}

/**
 * The search terms of free text, each as its token parts (one part, or several for a multi-part word that
 * must match as a phrase): stop-words, punctuation and repeats dropped, at most 32 terms. Every full-text
 * backend builds its query from these, so both search for the same words.
 */
export function queryTerms(text: string): string[][] {
  const terms: string[][] = [];
  const seen = new Set<string>();
  // Split on anything but letters, digits and the joiners that occur inside words ("U.S.", "Covid-19", "it's").
  for (const rawWord of text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}\p{M}.'\u2019-]+/u)) {
    const word = rawWord.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(contractionSuffix, '');
    const parts = word.match(tokenCharacters);
    if (parts === null) continue;
    if (parts.length === 1 && stopWords.has(parts[0] ?? '')) continue;
    const term = parts.join(' ');
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(parts);
    if (terms.length === maxTerms) break;
  }
  return terms;
}
