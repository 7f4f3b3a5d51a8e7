import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { storyTitle } from '../../src/stories/story-title.js';

function article(title: string, source: string | null, titleDerived = false, body = ''): Article {
  return {
    id: 'a',
    title,
    titleDerived,
    body,
    source,
    url: null,
    published: null,
    author: null,
    origin: 'a',
    originFile: null,
    contentHash: 'h',
    ingestedAt: 'x',
  };
}

describe('storyTitle', () => {
  it("drops the outlet's name from the end of a headline, and only that", () => {
    expect(storyTitle(article('Quillon bridge closed after cracks found - Quillon Gazette', 'quillongazette.example'), undefined)).toBe(
      'Quillon bridge closed after cracks found',
    );
    expect(storyTitle(article('Council backs solar plan | HERALD Politics', 'herald.example'), undefined)).toBe('Council backs solar plan');
    expect(storyTitle(article('Harbour updates - recap of the day', 'usatoday.com'), undefined)).toBe('Harbour updates - recap of the day');
  });

  it('uses the first sentence, shortened, when the title was derived from the body', () => {
    const body = `Engineers closed the Quillon harbour bridge on Monday after inspectors found deep cracks in its main steel span, the transit authority said on Tuesday. More text.`;
    const title = storyTitle(article('derived', null, true, body), { start: 0, end: body.indexOf(' More') });
    expect(title.startsWith('Engineers closed the Quillon harbour bridge')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.endsWith('…')).toBe(true);
  });
});
