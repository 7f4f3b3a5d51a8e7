import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/seeded-random.js';
import { writtenMidSentence } from '../../src/answer/mid-sentence-word.js';

/** The pattern the helper replaces, compiled per word. */
function byPattern(word: string, body: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[\\p{Ll}\\p{N},;:’'"“]\\s+${escaped}\\b`, 'u').test(body);
}

describe('writtenMidSentence', () => {
  it('tells a name written mid-sentence from a word capitalised only because it opens a sentence', () => {
    const body = 'Crowds lined the harbour. Officials said Crowds were expected. The mayor thanked Harbour Trust.';
    expect(writtenMidSentence('Crowds', body)).toBe(true);
    expect(writtenMidSentence('Officials', body)).toBe(false);
    expect(writtenMidSentence('Harbour', body)).toBe(true);
    // A longer word is not the word: "Crowdsourcing" after "said" does not count for "Crowds".
    expect(writtenMidSentence('Crowds', 'Crowds gathered. She said Crowdsourcing works.')).toBe(false);
  });

  it('agrees with the regular expression on random text, including spacing, quotes, digits and letters outside the BMP', () => {
    const random = seededRandom(7);
    const pieces = ['Crowds', 'U.S.', 'Al-Hilal', 'x_y', 'crowds', ' ', '  ', '\u00a0', '\n', ',', ';', ':', '’', "'", '"', '“', '.', '!', '9', 'a', 'Z', '_', '-', '𝑎', '𝐀', 'é', 'É'];
    const words = ['Crowds', 'U.S.', 'Al-Hilal', 'x_y', 'Z', 'É', 'U.S'];
    let found = 0;
    for (let trial = 0; trial < 5000; trial += 1) {
      let body = '';
      const length = Math.floor(random() * 14);
      const word = words[Math.floor(random() * words.length)] as string;
      // The word itself often, so the interesting cases (it, after something) come up.
      for (let index = 0; index < length; index += 1) body += random() < 0.25 ? word : pieces[Math.floor(random() * pieces.length)];
      const expected = byPattern(word, body);
      if (expected) found += 1;
      expect(writtenMidSentence(word, body), JSON.stringify({ word, body })).toBe(expected);
    }
    // Both answers came up often enough for the comparison to mean something.
    expect(found).toBeGreaterThan(150);
    expect(found).toBeLessThan(4500);
  });
});
