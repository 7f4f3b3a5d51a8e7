import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { extractClaims } from '../../src/disputes/claims.js';
import type { StoryArticle } from '../../src/stories/story-articles.js';
import { storyTimeline } from '../../src/stories/story-timeline.js';

function storyArticle(id: string, published: string | null, sentences: string[]): StoryArticle {
  const body = sentences.join(' ');
  const spans = [];
  let offset = 0;
  for (const sentence of sentences) {
    spans.push({ start: offset, end: offset + sentence.length });
    offset += sentence.length + 1;
  }
  const article: Article = {
    id,
    title: `Title of ${id}`,
    titleDerived: false,
    body,
    source: 'The Fictional Gazette',
    url: null,
    published,
    author: null,
    origin: id,
    originFile: null,
    contentHash: id,
    ingestedAt: `2031-05-01T00:00:0${id.length % 10}.000Z`,
  };
  return { article, sentences: spans, claims: extractClaims(body, spans) };
}

describe('storyTimeline', () => {
  it('orders developments by date, undated last, each quoting its lead claim verbatim', () => {
    const timeline = storyTimeline([
      storyArticle('later', '2031-03-09', ['Ferries to Quillon will run every ten minutes from Friday, the transit authority said.']),
      storyArticle('undated', null, ['Residents of Quillon held a meeting about the closed harbour bridge.']),
      storyArticle('first', '2031-03-03', ['Quillon harbour bridge.', 'Engineers closed the Quillon harbour bridge on Monday after finding cracks.']),
    ]);
    expect(timeline.map((entry) => entry.citation.articleId)).toEqual(['first', 'later', 'undated']);
    expect(timeline.map((entry) => entry.date)).toEqual(['2031-03-03', '2031-03-09', null]);
    // A heading-like fragment is passed over for the first sentence that says something.
    expect(timeline[0]?.text).toBe('Engineers closed the Quillon harbour bridge on Monday after finding cracks.');
    for (const entry of timeline) expect(entry.text).toBe(entry.citation.quote);
  });

  it('skips bylines and photo credits when choosing the lead', () => {
    const [entry] = storyTimeline([
      storyArticle('wire', '2031-03-04', [
        'Odile Fenn, Marek Aster, and Lio Brandt',
        'Rich Vale/Invision/AP Ada Penhallow plays in 2030 during the open in Marlow Bay.',
        'Ada Penhallow of Marlow Bay won the national junior chess championship on Sunday.',
      ]),
    ]);
    expect(entry?.text).toBe('Ada Penhallow of Marlow Bay won the national junior chess championship on Sunday.');
    expect(entry?.citation.start).toBeGreaterThan(0);
  });
});
