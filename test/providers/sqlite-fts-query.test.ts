import { describe, expect, it } from 'vitest';
import { toSafeFtsQuery } from '../../src/providers/sqlite-fts-query.js';

describe('toSafeFtsQuery', () => {
  it('ORs the quoted content words of a question and drops stop-words', () => {
    expect(toSafeFtsQuery('What did the TikTok spokesperson say about Huawei?')).toBe('"tiktok" OR "spokesperson" OR "say" OR "huawei"');
  });

  it('turns dotted, hyphenated and numeric words into phrases that match how the text was indexed', () => {
    expect(toSafeFtsQuery('U.S. Covid-19 rules up 2.4%')).toBe('"u s" OR "covid 19" OR "rules" OR "2 4"');
  });

  it("strips contractions and possessives, dropping what's left when it is a stop-word", () => {
    expect(toSafeFtsQuery("what's Huawei's plan? Didn’t they deny it")).toBe('"huawei" OR "plan" OR "deny"');
  });

  it('neutralises FTS5 operators and syntax characters', () => {
    expect(toSafeFtsQuery('NEAR(chips export) AND title:* -ban ^"ascend')).toBe(
      '"near" OR "chips" OR "export" OR "title" OR "ban" OR "ascend"',
    );
  });

  it('returns null when nothing searchable is left', () => {
    for (const text of ['', '   ', 'what is it?', '"()*^-:', 'AND OR NOT']) expect(toSafeFtsQuery(text)).toBeNull();
  });

  it('keeps non-English words and removes duplicates', () => {
    expect(toSafeFtsQuery('Zürich zürich Москва 東京')).toBe('"zürich" OR "москва" OR "東京"');
  });

  it('caps the number of terms so a pasted essay stays a cheap query', () => {
    const essay = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');
    expect(toSafeFtsQuery(essay)?.split(' OR ')).toHaveLength(32);
  });
});
