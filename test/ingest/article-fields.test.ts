import { describe, expect, it } from 'vitest';
import { buildArticle, deriveTitle, slugFromPath } from '../../src/ingest/article-fields.js';
import { normalizePublished } from '../../src/ingest/normalize-published.js';

describe('normalizePublished', () => {
  it('keeps date-only values as YYYY-MM-DD and turns date-times into ISO', () => {
    expect(normalizePublished('2024-09-30')).toBe('2024-09-30');
    expect(normalizePublished(new Date(Date.UTC(2024, 8, 30)))).toBe('2024-09-30');
    expect(normalizePublished('2024-09-30T10:15:00+02:00')).toBe('2024-09-30T08:15:00.000Z');
    expect(normalizePublished('Mon, 30 Sep 2024 10:00:00 GMT')).toBe('2024-09-30T10:00:00.000Z');
    expect(normalizePublished('September 30, 2024')).toBe('2024-09-30');
    expect(normalizePublished(1727690400)).toBe('2024-09-30T10:00:00.000Z');
  });

  it('returns null for missing or unreadable dates', () => {
    for (const value of [undefined, null, '', '  ', 'not a date', '2024-02-31', {}, Number.NaN]) expect(normalizePublished(value)).toBeNull();
  });
});

describe('deriveTitle', () => {
  it('uses a short first sentence as it is', () => {
    expect(deriveTitle('The fictional tram line opens in May. Tickets cost two euros.')).toBe('The fictional tram line opens in May.');
    expect(deriveTitle('Dr. Mira Example said U.S. officials agreed. Nothing else.')).toBe('Dr. Mira Example said U.S. officials agreed.');
  });

  it('cuts a long first sentence at a word boundary near 90 characters with an ellipsis', () => {
    const title = deriveTitle('The fictional regional council voted on Thursday to close three rural schools and merge their classes into a new campus.');
    expect(title).toBe('The fictional regional council voted on Thursday to close three rural schools and merge…');
    expect(title.length).toBeLessThanOrEqual(91);
  });
});

describe('slugFromPath', () => {
  it('makes lower-case [a-z0-9-] ids from file names', () => {
    expect(slugFromPath('/corpus/ByteDance Huawei_Chips (2024).md')).toBe('bytedance-huawei-chips-2024');
    expect(slugFromPath('/corpus/Ünïcödé.txt')).toBe('unicode');
    expect(slugFromPath('/corpus/新闻.txt')).toMatch(/^file-[0-9a-f]{12}$/);
  });
});

describe('buildArticle', () => {
  const where = { id: 'x', origin: '/x.txt', originFile: '/x.txt' };

  it('drops a first body line that repeats the title, plain or as a heading', () => {
    expect(buildArticle(where, { title: 'Fictional Title', body: 'Fictional Title\n\nThe body.' })?.body).toBe('The body.');
    expect(buildArticle(where, { title: 'Fictional Title', body: '# Fictional Title\nThe body.' })?.body).toBe('The body.');
    expect(buildArticle(where, { title: 'Fictional Title', body: 'Fictional Title is a good name.' })?.body).toBe('Fictional Title is a good name.');
  });

  it('returns null when cleaning leaves nothing, and blank metadata becomes null', () => {
    expect(buildArticle(where, { title: 'T', body: 'T\nAdvertisement' })).toBeNull();
    expect(buildArticle(where, { title: '  ', body: 'Body.', source: ' ', author: '' })).toMatchObject({ title: 'Body.', titleDerived: true, source: null, author: null });
  });
});
