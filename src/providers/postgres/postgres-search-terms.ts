import { stemmer } from 'stemmer';
import { queryTerms } from '../sqlite-fts-query.js';

/**
 * Full-text terms for PostgreSQL, made here rather than by a PostgreSQL text search configuration, so that both
 * backends index and search the same terms: SQLite FTS5's `porter unicode61 remove_diacritics 2` tokenizer
 * (sqlite-schema.ts), reproduced — case folded, Latin diacritics removed, split on anything but letters, digits
 * and marks, each token Porter-stemmed. A database-side configuration (`english`) would stem with Snowball,
 * drop its own stop-words and split "U.S." and "Covid-19" by its own parser, and it depends on the server's
 * locale for non-ASCII letters. The tsvector and tsquery are written as literals, so no server parser runs.
 */

const tokenCharacters = /[\p{L}\p{N}\p{M}]+/gu;
/** Combining accents, removed after canonical decomposition ("é" -> "e"), as remove_diacritics does for Latin letters. */
const combiningDiacritics = /[\u0300-\u036f]/gu;
/** tsvector limits: positions run 1-16383, at most 256 per lexeme; a lexeme is under 2 KB. */
const maxPosition = 16_383;
const maxPositionsPerLexeme = 256;
const maxTokenLength = 200;

/** The stemmed tokens of a text, in order. */
export function searchTokens(text: string): string[] {
  const folded = text.toLowerCase().normalize('NFD').replace(combiningDiacritics, '').normalize('NFC');
  const tokens: string[] = [];
  for (const [token] of folded.matchAll(tokenCharacters)) {
    if (token.length > maxTokenLength) continue;
    // Porter stems words of three letters and more (FTS5's porter tokenizer leaves shorter ones as they are).
    tokens.push(token.length < 3 ? token : stemmer(token));
  }
  return tokens;
}

/**
 * A passage's tsvector literal: the title's tokens at weight A, then the passage's at weight B, positions
 * continuing from the title, so headline words count for every passage of the article (FTS5's title column).
 */
export function searchVectorLiteral(title: string, text: string): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (tokens: string[], weight: 'A' | 'B'): void => {
    for (const token of tokens) {
      position = Math.min(position + 1, maxPosition);
      const list = positions.get(token) ?? [];
      if (list.length < maxPositionsPerLexeme) list.push(`${position}${weight}`);
      positions.set(token, list);
    }
  };
  add(searchTokens(title), 'A');
  add(searchTokens(text), 'B');
  return [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`).join(' ');
}

/** One search term: its stemmed tokens, and the tsquery literal that matches them (in a row, for several). */
export interface SearchTerm {
  lexemes: string[];
  literal: string;
}

/**
 * The query's terms, one per word (a multi-part word such as "U.S." is a phrase, `'u' <-> 's'`), stop-words
 * dropped as for FTS5 (queryTerms). Empty when nothing is searchable.
 */
export function searchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  for (const parts of queryTerms(query)) {
    const lexemes = parts.flatMap((part) => searchTokens(part));
    if (lexemes.length === 0) continue;
    const literal = lexemes.length === 1 ? quoteLexeme(lexemes[0] ?? '') : `(${lexemes.map(quoteLexeme).join(' <-> ')})`;
    if (seen.has(literal)) continue;
    seen.add(literal);
    terms.push({ lexemes, literal });
  }
  return terms;
}

/** Term queries OR-ed into one tsquery literal: a passage matches when it holds any of them (as BM25's query does). */
export function anyOfQuery(terms: SearchTerm[]): string {
  return terms.map((term) => term.literal).join(' | ');
}

function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
