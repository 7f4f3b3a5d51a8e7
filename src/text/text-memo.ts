/**
 * A bounded memo of work computed from a text (a sentence's terms, its entities, its claim reading).
 *
 * Every ask reads the sentences of its retrieved passages again, and questions about the same story meet the
 * same sentences, so per-sentence work is remembered by the text itself: an edited article yields new text and
 * is read afresh, and nothing needs invalidating. Bounded so a long-running bot does not grow without limit;
 * the least recently used text is dropped first (a Map keeps insertion order, and a hit is re-inserted).
 * Values are shared between callers, so memoise only values nobody mutates (or hand out copies).
 */
export class TextMemo<V> {
  readonly #capacity: number;
  readonly #entries = new Map<string, V>();

  /** @param capacity how many texts are remembered (at least 1). */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`TextMemo capacity must be a positive integer, got ${capacity}`);
    this.#capacity = capacity;
  }

  /** The remembered value for `text`, or `compute(text)` remembered now. */
  get(text: string, compute: (text: string) => V): V {
    const entries = this.#entries;
    if (entries.has(text)) {
      const value = entries.get(text) as V;
      // Most recently used last: re-insert.
      entries.delete(text);
      entries.set(text, value);
      return value;
    }
    const value = compute(text);
    if (entries.size >= this.#capacity) entries.delete(entries.keys().next().value as string);
    entries.set(text, value);
    return value;
  }

  /** Whether `text` is remembered (without refreshing it). */
  has(text: string): boolean {
    return this.#entries.has(text);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** How many texts each per-sentence memo keeps: a few hundred asks' worth of retrieved sentences. */
export const TEXT_MEMO_CAPACITY = 16_384;
