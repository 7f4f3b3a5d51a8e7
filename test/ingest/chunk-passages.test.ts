import { describe, expect, it } from 'vitest';
import type { PassageDraft } from '../../src/core/passage.js';
import { chunkPassages } from '../../src/ingest/chunk-passages.js';
import { segmentSentences } from '../../src/ingest/segment-sentences.js';

function chunk(body: string, options?: { maxSentences?: number; maxChars?: number }): PassageDraft[] {
  return chunkPassages(body, segmentSentences(body), options);
}

/** The invariants the store and citations rely on. */
function expectWellFormed(body: string, passages: PassageDraft[]): void {
  let previousEnd = 0;
  passages.forEach((passage, ordinal) => {
    expect(passage.ordinal).toBe(ordinal);
    expect(passage.text).toBe(body.slice(passage.start, passage.end));
    expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
    for (const sentence of passage.sentences) {
      expect(sentence.start).toBeGreaterThanOrEqual(passage.start);
      expect(sentence.end).toBeLessThanOrEqual(passage.end);
    }
    expect(passage.sentences[0]?.start).toBe(passage.start);
    expect(passage.sentences.at(-1)?.end).toBe(passage.end);
    previousEnd = passage.end;
  });
}

const PARAGRAPHS = [
  'The fictional city council met on Monday. It approved the budget. Members argued for hours. The vote was 7 to 2.',
  'The mayor welcomed the result. She said the money would go to schools.',
  'Opposition members said the plan was rushed. They promised to revisit it next year. A new vote is due in May.',
].join('\n\n');

describe('chunkPassages', () => {
  it('groups up to three sentences per passage without overlap, covering every sentence once', () => {
    const passages = chunk(PARAGRAPHS);
    expectWellFormed(PARAGRAPHS, passages);
    expect(passages.every((passage) => passage.sentences.length <= 3)).toBe(true);
    const covered = passages.flatMap((passage) => passage.sentences);
    expect(covered).toEqual(segmentSentences(PARAGRAPHS));
  });

  it('does not cross a paragraph break when the passage already has substance', () => {
    const passages = chunk(PARAGRAPHS);
    expect(passages.map((passage) => passage.text)).toEqual([
      'The fictional city council met on Monday. It approved the budget. Members argued for hours.',
      'The vote was 7 to 2.\n\nThe mayor welcomed the result. She said the money would go to schools.',
      'Opposition members said the plan was rushed. They promised to revisit it next year. A new vote is due in May.',
    ]);
  });

  it('keeps passages under maxChars unless a single sentence is longer', () => {
    const sentence = 'The fictional harbour authority said on Tuesday that it would extend the pier by forty metres.';
    const body = Array.from({ length: 12 }, () => sentence).join(' ');
    const passages = chunk(body, { maxChars: 200 });
    expectWellFormed(body, passages);
    expect(passages.every((passage) => passage.text.length <= 200)).toBe(true);
    expect(passages).toHaveLength(6);
  });

  it('splits a giant sentence at whitespace so no passage is gigantic', () => {
    const body = `${'word '.repeat(600).trim()}.`;
    const passages = chunk(body, { maxChars: 500 });
    expectWellFormed(body, passages);
    expect(passages.length).toBeGreaterThanOrEqual(6);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(500);
      expect(passage.text.startsWith('word')).toBe(true);
    }
    expect(passages.map((passage) => passage.text).join(' ')).toBe(body);
  });

  it('keeps a sentence up to twice maxChars whole', () => {
    const body = `${'a'.repeat(10)} ${'b '.repeat(400)}end.`;
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(chunk(body, { maxChars: 500 })).toHaveLength(1);
  });

  it('honours maxSentences and returns nothing for an empty body', () => {
    const body = 'One. Two. Three. Four. Five.';
    expect(chunk(body, { maxSentences: 2 }).map((passage) => passage.text)).toEqual(['One. Two.', 'Three. Four.', 'Five.']);
    expect(chunkPassages('', [])).toEqual([]);
  });
});
