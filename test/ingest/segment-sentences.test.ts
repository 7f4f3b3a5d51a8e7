import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/clean-text.js';
import { segmentSentences } from '../../src/ingest/segment-sentences.js';

const seedPath = join(import.meta.dirname, '../../corpus/bytedance-huawei-chips-benzinga.md');

function sentencesOf(body: string): string[] {
  return segmentSentences(body).map((span) => body.slice(span.start, span.end));
}

function seedBody(): string {
  return cleanText(readFileSync(seedPath, 'utf8').split('---\n').slice(2).join('---\n'));
}

describe('segmentSentences', () => {
  it('splits plain sentences and trims the spans', () => {
    expect(sentencesOf('  The port reopened. Ships arrived on Monday!  Was it late? Nobody said…  ')).toEqual([
      'The port reopened.',
      'Ships arrived on Monday!',
      'Was it late?',
      'Nobody said…',
    ]);
  });

  it('does not split at abbreviations, initials, decimals, money or dotted acronyms', () => {
    const cases = [
      'The decision comes as U.S. restrictions on chips push the company to local suppliers.',
      'Escalating U.S.-China tech tensions weighed on the shares.',
      'Dr. Mira Example met Mr. Sam Placeholder and Mrs. Lee on Jan. 5 in the capital.',
      'The bill is known as No. 5 in the register.',
      'Revenue rose 2.4% to $3.5 billion in the quarter.',
      'The novel by J. K. Rowling sold well, e.g. in Britain and the U.S. market.',
      'The talks, i.e. the second round, ended at 5 p.m. on Friday.',
      'Shares of Example Corp. fell after the U.S. Treasury announced new rules.',
      'Visit example.com for the 1.5 GB file.',
    ];
    for (const sentence of cases) expect(sentencesOf(sentence), sentence).toEqual([sentence]);
  });

  it('still ends a sentence after an acronym or company suffix when a new sentence clearly starts', () => {
    expect(sentencesOf('The company moved its listing to the U.S. The shares rose.')).toEqual(['The company moved its listing to the U.S.', 'The shares rose.']);
    expect(sentencesOf('The deal was signed by Example Holdings Ltd. It closes in May.')).toEqual(['The deal was signed by Example Holdings Ltd.', 'It closes in May.']);
  });

  it('reads datelines, suites and times the way news copy uses them', () => {
    for (const sentence of [
      'FREMONT, Calif. — The fictional plant reopened on Monday.',
      'TULSA, Okla. (AP) — The fictional team won again.',
      'The event starts at 2:30 p.m. (9:30 a.m. ET) in the main hall.',
      'The shop at 125 Main St., Ste. 108 opens at noon.',
    ]) {
      expect(sentencesOf(sentence), sentence).toEqual([sentence]);
    }
  });

  it('keeps an attribution after a quoted question with its quotation', () => {
    expect(sentencesOf('“What is the real status?” Loarie said. The census continues.')).toEqual(['“What is the real status?” Loarie said.', 'The census continues.']);
  });

  it('ends a sentence before a bare link', () => {
    expect(sentencesOf('The rating was changed to true. https://news.example/fact-check')).toEqual(['The rating was changed to true.', 'https://news.example/fact-check']);
  });

  it('does not treat a sentence that closes a straight-quoted quotation as opening one', () => {
    // The quotation opened in the previous paragraph; its closing quote must not open a new one.
    expect(sentencesOf('"It began years ago.\n\nSo many people are dying," he says. The standards matter. It is late.')).toEqual([
      '"It began years ago.',
      'So many people are dying," he says.',
      'The standards matter.',
      'It is late.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(sentencesOf('“Why now?” she asked. (The vote was close.) Then it rained.')).toEqual(['“Why now?” she asked.', '(The vote was close.)', 'Then it rained.']);
  });

  it('keeps a quotation that runs over sentences in one span, closing quote included', () => {
    const body = 'Michael Hughes, a TikTok spokesperson, stated, “The entire premise here is wrong. No new model is being developed.” Huawei did not reply.';
    expect(sentencesOf(body)).toEqual([
      'Michael Hughes, a TikTok spokesperson, stated, “The entire premise here is wrong. No new model is being developed.”',
      'Huawei did not reply.',
    ]);
  });

  it('does not let an unclosed quotation swallow the rest of the paragraph', () => {
    const body = 'He said “this opens. One. Two. Three. Four. Five. Six.';
    expect(sentencesOf(body).length).toBeGreaterThan(2);
  });

  it('always ends a sentence at a paragraph break, and at a line break after a heading', () => {
    expect(sentencesOf('A heading without a period\nThe first sentence of the text.\n\nA paragraph without a period\n\nNext paragraph.')).toEqual([
      'A heading without a period',
      'The first sentence of the text.',
      'A paragraph without a period',
      'Next paragraph.',
    ]);
    expect(sentencesOf('It moved to the U.S.\n\nThe next paragraph.')).toEqual(['It moved to the U.S.', 'The next paragraph.']);
  });

  it('joins hard-wrapped lines of one sentence', () => {
    const body = 'The fictional ferry operator said on Monday that the evening sailings to\nthe islands would stop, citing fuel costs.';
    expect(sentencesOf(body)).toEqual([body]);
  });

  it('returns offsets into the body, in order and without overlap', () => {
    const body = seedBody();
    const spans = segmentSentences(body);
    let previousEnd = 0;
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(previousEnd);
      expect(span.end).toBeGreaterThan(span.start);
      expect(body.slice(span.start, span.end)).toBe(body.slice(span.start, span.end).trim());
      previousEnd = span.end;
    }
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences(' \n\n ')).toEqual([]);
  });

  it('splits the seed article with "U.S. restrictions" inside one sentence', () => {
    const sentences = sentencesOf(seedBody());
    expect(sentences).toContain(
      'What Happened: The decision comes as U.S. restrictions on advanced AI chip exports, such as those from Nvidia, push ByteDance to seek domestic suppliers.',
    );
    expect(sentences).toContain('In June, ByteDance reportedly collaborated with U.S. chip designer Broadcom to develop an advanced AI processor, compliant with U.S. export restrictions.');
    expect(sentences).toContain('ByteDance argued that the U.S. could have considered alternatives to banning the app, as detailed in a court filing in June.');
    expect(sentences).toContain('Huawei has yet to respond to Benzinga’s queries.');
    // 18 body sentences plus the title line, which cleanText alone keeps (parseFile drops it).
    expect(sentences).toHaveLength(19);
  });

  it('reports its speed on a 5,000-character article (printed, not asserted)', () => {
    let body = '';
    while (body.length < 5000) body += `${seedBody()}\n\n`;
    body = body.slice(0, 5000);
    const runs = 500;
    let count = 0;
    // Steady state is what a corpus ingest sees; the first calls also pay for compiling the scanner.
    for (let run = 0; run < 50; run += 1) segmentSentences(body);
    const started = performance.now();
    for (let run = 0; run < runs; run += 1) count += segmentSentences(body).length;
    const perArticle = (performance.now() - started) / runs;
    console.info(`segmentSentences: ${perArticle.toFixed(3)} ms per 5,000-character article (${count / runs} sentences)`);
    expect(count).toBeGreaterThan(0);
  });
});
