import { words } from './terms.js';

/**
 * Names and numbers in a sentence, and whether another text holds them: what a statement, or a claim's later
 * confirmation, must not add to or drop from its source.
 */

/** Capitalised words that are not what a story is about: times, honorifics, outlets, photo credits and page furniture. */
export const CALENDAR_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'today',
  'yesterday',
  'tomorrow',
  'mr',
  'mrs',
  'ms',
  'dr',
  'ap',
  'cnn',
  'reuters',
  'photo',
  'getty',
  'images',
  'read',
  'more',
  'see',
  'also',
]);

/** Numbers as digit strings: "1,200" → "1200", "09" → "9", "5.3M" → "5.3". */
export function numbersIn(text: string): string[] {
  const found = text.match(/\d(?:[\d,]*\d)?(?:\.\d+)?/g) ?? [];
  return found.map((number) => {
    const plain = number.replace(/,/g, '');
    return plain.includes('.') ? plain.replace(/\.?0+$/, '') : String(Number.parseInt(plain, 10));
  });
}

/**
 * Capitalised words that name someone or something. The first word of the statement only counts when its
 * shape marks it as a name (ByteDance, IDC), since any sentence starts with a capital.
 */
export function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/[\p{Lu}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{Lu}]/gu)) {
    const name = match[0];
    const index = match.index ?? 0;
    const before = text.slice(0, index).trimEnd();
    const opensSentence = before === '' || /[.!?:"“]$/.test(before);
    const shapedLikeName = /\p{Lu}.*\p{Lu}/u.test(name);
    if (opensSentence && !shapedLikeName) continue;
    if (name.length < 2) continue;
    names.push(name);
  }
  return names;
}

/** A name is found when the evidence has it whole, or every part of a hyphenated name ("U.S.-China"). */
export function nameFound(name: string, evidenceForms: Set<string>): boolean {
  const base = normalizeName(name);
  if (base === '' || evidenceForms.has(base)) return true;
  const parts = base.split('-').filter((part) => part !== '');
  return parts.length > 1 && parts.every((part) => evidenceForms.has(part));
}

function normalizeName(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s?$/, '').replace(/\./g, '');
}

/** Comparable forms of words: lower-cased, possessive and dots dropped, and each part of a hyphenated word. */
export function nameForms(list: string[]): Set<string> {
  const forms = new Set<string>();
  for (const word of list) {
    const base = normalizeName(word);
    if (base === '') continue;
    forms.add(base);
    for (const part of base.split('-')) if (part !== '') forms.add(part);
  }
  return forms;
}

/**
 * The first name of a sentence that is not a calendar word ("In August, Native American actress…" → "Native"):
 * in news prose, usually its subject or close to it.
 */
export function leadingName(text: string): string | undefined {
  return namesIn(text).find((name) => !CALENDAR_WORDS.has(normalizeName(name)));
}

/** Whether `other` holds `name` (case, possessive and dots aside). */
export function nameFoundIn(name: string, other: string): boolean {
  return nameFound(name, nameForms(words(other)));
}
