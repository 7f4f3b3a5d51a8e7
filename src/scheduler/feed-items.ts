import Parser from 'rss-parser';
import { z } from 'zod';
import { cleanText } from '../ingest/clean-text.js';
import { normalizePublished } from '../ingest/normalize-published.js';
import { feedItemKey } from './canonical-link.js';
import { htmlToText } from './page-text.js';

/** A feed item validated and reduced to what ingest needs. */
export interface FeedItem {
  /** Canonical link, else `guid:` + guid: what re-listings are recognised by. */
  key: string;
  link: string | null;
  title: string | null;
  /** Plain text of the item's full content, else of its summary. */
  text: string;
  published: string | null;
  author: string | null;
  /** The item's own outlet when the feed names one (aggregators); else the feed's title is used. */
  outlet: string | null;
}

/** A parsed feed: its title (the outlet name) and its usable items. */
export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
  /** Items dropped because they had neither a link nor a guid. */
  unusable: number;
}

const text = z.string().optional().catch(undefined);

/** The fields storydesk reads from an rss-parser item; anything else in a feed is ignored. */
const itemSchema = z.object({
  link: text,
  guid: text,
  id: text,
  title: text,
  content: text,
  'content:encoded': text,
  summary: text,
  isoDate: text,
  pubDate: text,
  creator: text,
  author: text,
  /** RSS `<source>`: the original outlet of an item in an aggregator's feed. */
  source: z.union([z.string(), z.object({ _: z.string() }).transform((element) => element._)]).optional().catch(undefined),
});

const parser = new Parser({ customFields: { item: ['content:encoded', 'id', 'source'] } });

/**
 * Parses RSS 0.9/1/2 or Atom XML. Throws on malformed XML (the poller logs the feed and goes on). Items
 * without a link or guid cannot be deduplicated and are counted, not ingested.
 */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  const output = await parser.parseString(xml);
  const items: FeedItem[] = [];
  let unusable = 0;
  for (const raw of output.items) {
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      unusable += 1;
      continue;
    }
    const item = parsed.data;
    const key = feedItemKey(item.link, item.guid ?? item.id);
    if (key === null) {
      unusable += 1;
      continue;
    }
    // Furniture ("Read more", "The post … appeared first on …") goes, as it does for files.
    // RSS carries the full text in content:encoded and a teaser in description (rss-parser's `content`);
    // Atom has content and summary. The longest is the fullest.
    const candidates = [item['content:encoded'], item.content, item.summary].map((html) => (html ? cleanText(htmlToText(html)) : ''));
    const body = candidates.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
    items.push({
      key,
      link: item.link?.trim() || null,
      title: item.title?.trim() || null,
      text: body,
      // The raw pubDate first: rss-parser's isoDate reads a zone-less date in this machine's zone.
      published: normalizePublished(item.pubDate ?? item.isoDate),
      author: (item.creator ?? item.author)?.trim() || null,
      outlet: item.source?.trim() || null,
    });
  }
  return { title: output.title?.trim() || null, items, unusable };
}
