import type { FakeFeedServer } from '../../test/fakes/feed-server.js';
import { rssFeed } from '../../test/fakes/feed-server.js';
import { fictionalArticle } from '../../test/helpers/fictional-articles.js';

/**
 * N RSS feeds on a fake feed server, each with a few full-text items; `publish` adds an item to some of them, so
 * polls keep finding new articles (and the feeds' ETags change) while the soak runs.
 */
export class SoakFeeds {
  readonly paths: string[];
  readonly #server: FakeFeedServer;
  readonly #items: number[];

  constructor(server: FakeFeedServer, count: number, initialItems = 3) {
    this.#server = server;
    this.paths = Array.from({ length: count }, (_, index) => `/feed-${index}.xml`);
    this.#items = this.paths.map(() => initialItems);
    this.paths.forEach((_, index) => this.#render(index));
  }

  /** Every feed's URL, as FEEDS lists them. */
  urls(): string[] {
    return this.paths.map((path) => this.#server.url(path));
  }

  /** Adds one new item to each feed `random` picks (about `share` of them). */
  publish(random: () => number, share = 0.25): void {
    this.paths.forEach((_, index) => {
      if (random() >= share) return;
      this.#items[index] = (this.#items[index] ?? 0) + 1;
      this.#render(index);
    });
  }

  #render(feed: number): void {
    const count = this.#items[feed] ?? 0;
    // The latest ten items, as real feeds list only recent ones.
    const items = Array.from({ length: Math.min(count, 10) }, (_, offset) => {
      const item = count - 1 - offset;
      const seed = feed * 1000 + item;
      const body = (fictionalArticle(seed).split('---').pop() ?? '').trim();
      const paragraphs = body.split('\n\n').map((paragraph) => `<p>${paragraph}</p>`);
      // Long enough (over 600 characters) that the poller keeps the feed text and fetches no article page.
      paragraphs.push(`<p>Council staff said the tender documents for item ${item} would be published in the coming weeks, and that residents could comment on the plans at the town hall or online until the end of the month.</p>`);
      paragraphs.push(`<p>Feed ${feed} report ${item}: the wire service filed this from its regional desk, citing council minutes, budget papers and interviews with residents of the old quarter, shop owners along the harbour and two former councillors who asked not to be named.</p>`);
      return {
        title: `Feed ${feed} report ${item}`,
        link: this.#server.url(`/feed-${feed}/report-${item}.html`),
        contentHtml: paragraphs.join(''),
        published: new Date(Date.UTC(2031, 2, 1 + (seed % 27))).toUTCString(),
      };
    });
    this.#server.set(`/feed-${feed}.xml`, rssFeed(`Soak Wire ${feed}`, items));
  }
}
