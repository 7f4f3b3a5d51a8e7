import { describe, expect, it } from 'vitest';
import { TextMemo } from '../../src/text/text-memo.js';

describe('TextMemo', () => {
  it('computes a text once and then remembers it', () => {
    const memo = new TextMemo<number>(4);
    const computed: string[] = [];
    const length = (text: string): number => {
      computed.push(text);
      return text.length;
    };
    expect(memo.get('four', length)).toBe(4);
    expect(memo.get('four', length)).toBe(4);
    expect(memo.get('seven!!', length)).toBe(7);
    expect(computed).toEqual(['four', 'seven!!']);
  });

  it('never holds more texts than its capacity', () => {
    for (const capacity of [2, 3, 7, 64]) {
      const memo = new TextMemo<string>(capacity);
      for (let index = 0; index < 500; index += 1) {
        memo.get(`sentence ${index % 97}`, (text) => text.toUpperCase());
        expect(memo.size).toBeLessThanOrEqual(capacity);
      }
      // The text just used is always there.
      expect(memo.has('sentence 14')).toBe(true);
    }
  });

  it('drops texts that were not used for a while first: a text read again stays', () => {
    const memo = new TextMemo<string>(4);
    const upper = (text: string): string => text.toUpperCase();
    for (const text of ['a', 'b', 'c']) memo.get(text, upper);
    memo.get('a', upper); // 'a' is used again
    for (const text of ['d', 'e']) memo.get(text, upper);
    expect(memo.has('a')).toBe(true);
    expect(memo.has('b')).toBe(false);
    let recomputed = false;
    memo.get('b', (text) => {
      recomputed = true;
      return text;
    });
    expect(recomputed).toBe(true);
  });

  it('remembers a computed undefined as a value, not as a miss', () => {
    const memo = new TextMemo<string | undefined>(2);
    let calls = 0;
    const nothing = (): undefined => {
      calls += 1;
      return undefined;
    };
    memo.get('x', nothing);
    memo.get('x', nothing);
    expect(calls).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new TextMemo(1)).toThrow(RangeError);
    expect(() => new TextMemo(2.5)).toThrow(RangeError);
  });
});
