import { describe, expect, it } from 'vitest';
import { chartSummary } from '../../src/web/articles-chart.js';
import { articlesPerDay } from '../../src/web/articles-per-day.js';

describe('articles per day', () => {
  it('counts articles per calendar day, quiet days included as zero', () => {
    const data = articlesPerDay(['2031-03-03', '2031-03-03T22:10:00Z', '2031-03-05T01:00:00+00:00', null, 'not a date']);
    expect(data.bars).toEqual([
      { day: '2031-03-03', count: 2 },
      { day: '2031-03-04', count: 0 },
      { day: '2031-03-05', count: 1 },
    ]);
    expect(data.undated).toBe(2);
    expect(chartSummary(data)).toBe('3 dated articles over 3 days; busiest Mar 3, 2031 (2) (2 undated not shown).');
  });

  it('groups a long story into a bounded number of bars without losing articles', () => {
    const dates = Array.from({ length: 200 }, (_, day) => new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString());
    const data = articlesPerDay(dates, 60);
    expect(data.bars.length).toBeLessThanOrEqual(60);
    expect(data.daysPerBar).toBe(4);
    expect(data.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(200);
  });

  it('says so when no article is dated', () => {
    const data = articlesPerDay([null, null]);
    expect(data.bars).toEqual([]);
    expect(chartSummary(data)).toBe('2 articles, none of them dated.');
  });
});
