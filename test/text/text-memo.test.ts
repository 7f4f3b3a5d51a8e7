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
    const memo = new TextMemo<string>(3);
    for (let index = 0; index < 50; index += 1) memo.get(`sentence ${index}`, (text) => text.toUpperCase());
    expect(memo.size).toBe(3);
    expect(['sentence 47', 'sentence 48', 'sentence 49'].every((text) => memo.has(text))).toBe(true);
  });

  it('drops the least recently used text first: a text read again stays', () => {
    const memo = new TextMemo<string>(2);
    const upper = (text: string): string => text.toUpperCase();
    memo.get('a', upper);
    memo.get('b', upper);
    memo.get('a', upper); // 'a' is now the most recently used
    memo.get('c', upper); // evicts 'b', not 'a'
    expect(memo.has('a')).toBe(true);
    expect(memo.has('b')).toBe(false);
    expect(memo.has('c')).toBe(true);
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
    expect(() => new TextMemo(0)).toThrow(RangeError);
    expect(() => new TextMemo(2.5)).toThrow(RangeError);
  });
});
