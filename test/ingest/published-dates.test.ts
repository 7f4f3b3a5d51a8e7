import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizePublished } from '../../src/ingest/normalize-published.js';
import { parseFeed } from '../../src/scheduler/feed-items.js';

/** An RSS item whose pubDate is written the way some CMSs write it. */
function feedWithDate(pubDate: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Post</title><link>http://example.test/</link><description>x</description><item><title>Council vote</title><link>http://example.test/vote</link><description>The council voted.</description><pubDate>${pubDate}</pubDate></item></channel></rss>`;
}

describe('publication dates, one normaliser for files and feeds', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  for (const zone of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
    it(`reads a time without a zone as UTC on a machine in ${zone}`, async () => {
      vi.stubEnv('TZ', zone);
      // Node applies a changed TZ at once; check it did, so the test really runs in that zone.
      const offset = new Date(Date.UTC(2024, 8, 30, 12)).getTimezoneOffset();
      expect(offset).toBe({ 'America/New_York': 240, 'Asia/Tokyo': -540, UTC: 0 }[zone]);

      expect(normalizePublished('2024-09-30 23:30')).toBe('2024-09-30T23:30:00.000Z');
      expect(normalizePublished('2024-09-30T23:30')).toBe('2024-09-30T23:30:00.000Z');
      expect(normalizePublished('Mon, 30 Sep 2024 23:30:00')).toBe('2024-09-30T23:30:00.000Z');
      expect(normalizePublished('September 30, 2024')).toBe('2024-09-30');
      expect(normalizePublished(new Date(Date.UTC(2024, 8, 30)))).toBe('2024-09-30');
      const feed = await parseFeed(feedWithDate('2024-09-30 23:30'));
      expect(feed.items[0]?.published).toBe('2024-09-30T23:30:00.000Z');
    });
  }

  it('keeps the instant of a time that names its zone, in files and feeds alike', async () => {
    vi.stubEnv('TZ', 'America/New_York');
    expect(normalizePublished('2024-09-30T23:30:00-04:00')).toBe('2024-10-01T03:30:00.000Z');
    expect(normalizePublished('Mon, 30 Sep 2024 10:00:00 +0200')).toBe('2024-09-30T08:00:00.000Z');
    expect(normalizePublished('Mon, 30 Sep 2024 10:00:00 EDT')).toBe('2024-09-30T14:00:00.000Z');
    const feed = await parseFeed(feedWithDate('Mon, 30 Sep 2024 10:00:00 GMT'));
    expect(feed.items[0]?.published).toBe('2024-09-30T10:00:00.000Z');
  });
});
