import { FURNITURE_RULES, type FurnitureRule } from './furniture-rules.js';

interface CompiledRule {
  rule: FurnitureRule;
  regex: RegExp;
}

/** Anchored to whole lines so a rule can never cut into a sentence that merely contains its words. */
const COMPILED_RULES: readonly CompiledRule[] = FURNITURE_RULES.map((rule) => ({ rule, regex: new RegExp(`^(?:${rule.pattern})$`, 'i') }));

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Zero-width characters, the byte-order mark and soft hyphens: invisible, and they break quoting and search. */
const INVISIBLE_CHARACTERS = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Tabs and the Unicode spaces (no-break, thin, ideographic…) that pages use between words. */
const HORIZONTAL_SPACE = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Line and paragraph separators that some pages use instead of newlines. */
const LINE_SEPARATORS = /[\u2028\u2029\u0085]/g;

/** The furniture rule a single line matches, or null for a line that is (or may be) real text. */
export function furnitureRuleFor(line: string): FurnitureRule | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  return COMPILED_RULES.find((compiled) => compiled.regex.test(trimmed))?.rule ?? null;
}

/** Normalises whitespace and characters (NFC, LF line ends, single spaces, at most one blank line in a row). */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(LINE_SEPARATORS, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Cleans an article body: normalises characters and whitespace, then removes page furniture by the rules
 * in furniture-rules.ts (a matching line is dropped, or ends the article for `truncate-from-here` rules).
 */
export function cleanText(raw: string): string {
  const kept: string[] = [];
  for (const line of normalizeText(raw).split('\n')) {
    const rule = furnitureRuleFor(line);
    if (rule === null) {
      kept.push(line);
      continue;
    }
    if (rule.action === 'truncate-from-here') break;
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
