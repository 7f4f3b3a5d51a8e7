import { describe, expect, it } from 'vitest';
import { splitText, truncateText } from '../../src/channels/truncate-text.js';

describe('truncateText', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('the quick brown fox jumps', 18)).toBe('the quick brown…');
  });

  it('never splits an emoji in half', () => {
    const cut = truncateText(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('splitText', () => {
  it('packs whole lines into chunks under the limit and splits an overlong line at words', () => {
    const chunks = splitText(['one two', 'three four', `${'word '.repeat(10)}`.trim()].join('\n'), 20);
    expect(chunks.every((chunk) => chunk.length <= 20)).toBe(true);
    expect(chunks[0]).toBe('one two\nthree four');
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(`one two three four ${'word '.repeat(10).trim()}`);
  });
});
