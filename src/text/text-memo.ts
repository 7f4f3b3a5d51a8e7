/**
 * A bounded memo of work computed from a text (a sentence's terms, its entities, its claim reading, a word's stem).
 *
 * Every ask reads the sentences of its retrieved passages again, and questions about the same story meet the
 * same sentences, so per-sentence work is remembered by the text itself: an edited article yields new text and
 * is read afresh, and nothing needs invalidating. Bounded so a long-running bot does not grow without limit.
 *
 * Texts not used for a while are dropped first, by generations rather than an exact recency order (the scheme of
 * the quick-lru package): new texts go into the current generation; when it is full it becomes the previous one
 * and the old previous one is dropped; a text found in the previous generation moves to the current one. A hit
 * is then a single Map lookup, where exact LRU re-inserts the entry on every hit — measured at a third of an
 * ask's memo time when words are looked up one by one. Values are shared between callers, so memoise only values
 * nobody mutates (or hand out copies).
 */
export class TextMemo<V> {
  readonly #generationSize: number;
  #current = new Map<string, V>();
  #previous = new Map<string, V>();

  /** @param capacity how many texts are remembered at most (an even split over two generations; at least 2). */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`TextMemo capacity must be an integer of at least 2, got ${capacity}`);
    this.#generationSize = Math.floor(capacity / 2);
  }

  /** The remembered value for `text`, or `compute(text)` remembered now. */
  get(text: string, compute: (text: string) => V): V {
    const current = this.#current.get(text);
    if (current !== undefined || this.#current.has(text)) return current as V;
    if (this.#previous.has(text)) {
      const value = this.#previous.get(text) as V;
      this.#previous.delete(text);
      this.#remember(text, value);
      return value;
    }
    const value = compute(text);
    this.#remember(text, value);
    return value;
  }

  /** Whether `text` is remembered (without counting as a use). */
  has(text: string): boolean {
    return this.#current.has(text) || this.#previous.has(text);
  }

  get size(): number {
    return this.#current.size + this.#previous.size;
  }

  #remember(text: string, value: V): void {
    if (this.#current.size >= this.#generationSize) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(text, value);
  }
}

/** How many texts each per-sentence memo keeps: a few hundred asks' worth of retrieved sentences. */
export const TEXT_MEMO_CAPACITY = 16_384;
