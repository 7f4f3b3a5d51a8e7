import type { Answer, Citation } from '../../src/core/answer.js';

/** Article text that tries every way to ping, link or format: it must come out inert. */
export const HOSTILE = 'Breaking <!channel> <!here> @everyone @here <@U123> <@&987> <#C42> *bold* _it_ ~x~ `code` > quote & Co <https://evil.example|click>';

/** A worst-case answer: ~10,000 characters of statements, 40 sources with hostile text, disputes. */
export function hostileAnswer(): Answer {
  const citations: Citation[] = Array.from({ length: 40 }, (_, index) => ({
    n: index + 1,
    articleId: `a${index}`,
    title: `Report ${index + 1}: ${HOSTILE}`,
    source: `Outlet ${index + 1} & Sons`,
    url: `https://news.example/${index}?a=1&b=2`,
    published: '2026-11-20T08:00:00Z',
    quote: `${HOSTILE} ${'The quoted passage goes on for a while. '.repeat(20)}`,
    start: 0,
    end: 100,
  }));
  const sentence = `Statement with ${HOSTILE} and more words to fill the line.`;
  const statements = Array.from({ length: Math.ceil(10_000 / (sentence.length + 6)) }, (_, index) => ({
    text: `${index}. ${sentence}`,
    citations: [(index % 40) + 1],
    status: index % 7 === 3 ? ('disputed' as const) : ('supported' as const),
  }));
  return {
    question: `What happened? ${HOSTILE}`,
    answer: statements.map((statement) => `${statement.text} [${statement.citations[0]}]`).join(' '),
    abstained: false,
    statements,
    citations,
    disputes: statements
      .filter((statement) => statement.status === 'disputed')
      .map((statement) => ({
        claim: statement.text,
        counter: `That is false, ${HOSTILE}`,
        kind: 'denied' as const,
        claimCitations: statement.citations,
        counterCitations: [40],
        disputedBy: 'A spokesperson <@U999>',
      })),
    generator: 'extractive',
    notice: `Notice with ${HOSTILE}`,
  };
}
