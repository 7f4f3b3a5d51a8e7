import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/core/article.js';
import { type ArticleSink, FeedPoller } from '../../src/scheduler/feed-poller.js';
import { SqliteFeedState } from '../../src/providers/sqlite-feed-state.js';
import { FakeFeedServer, rssFeed } from '../fakes/feed-server.js';

class RecordingSink implements ArticleSink {
  readonly articles: ArticleInput[] = [];
  async offer(input: ArticleInput): Promise<boolean> {
    this.articles.push(input);
    return true;
  }
  async flush(): Promise<void> {}
}

const TITLE = 'Bürgermeisterin Müller eröffnet Café in Zürich';
const BODY = [
  'Die Bürgermeisterin eröffnete am Montag das neue Café am Seeufer, das nach zwei Jahren Bauzeit fertig wurde.',
  'Anwohner begrüßten die Öffnung, äußerten aber Sorgen über den Verkehr und die Parkplätze in der Straße.',
  'Der Betreiber sagte, das Café werde Kaffee aus Kolumbien und Äthiopien servieren und zwölf Menschen beschäftigen.',
  'Eine zweite Filiale in Genève ist für das nächste Jahr geplant, sofern die Stadt die Genehmigung erteilt.',
].map((paragraph) => `<p>${paragraph}</p>`).join('');

/** The feed as an ISO-8859-1 site serves it: one byte per character, declared in the XML prolog. */
function latin1Feed(declaration: string): Buffer {
  const xml = rssFeed('Seeblick Zeitung', [{ title: TITLE, link: 'http://example.test/cafe', contentHtml: BODY, published: '2026-03-02T07:00:00Z' }]);
  return Buffer.from(xml.replace('<?xml version="1.0"?>', declaration), 'latin1');
}

describe('feeds in the charset they declare', () => {
  let server: FakeFeedServer;
  let state: SqliteFeedState;
  let sink: RecordingSink;

  beforeEach(async () => {
    server = await FakeFeedServer.start();
    state = SqliteFeedState.open(':memory:');
    sink = new RecordingSink();
  });
  afterEach(async () => {
    state.close();
    await server.close();
  });

  const poll = (path: string) => new FeedPoller({ feeds: [server.url(path)], state, sink, logger: pino({ level: 'silent' }), limits: { timeoutMs: 2000 } }).pollAll();

  it('reads an ISO-8859-1 feed by its XML declaration when the server names no charset', async () => {
    server.set('/latin1.xml', latin1Feed('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'application/rss+xml');
    await poll('/latin1.xml');
    expect(sink.articles[0]?.title).toBe(TITLE);
    expect(sink.articles[0]?.body).toContain('Anwohner begrüßten die Öffnung, äußerten aber Sorgen');
    expect(sink.articles[0]?.body).not.toContain('\uFFFD');
  });

  it("reads a feed by the Content-Type charset, which wins over a missing declaration", async () => {
    server.set('/latin1-header.xml', latin1Feed('<?xml version="1.0"?>'), 'application/rss+xml; charset=iso-8859-1');
    await poll('/latin1-header.xml');
    expect(sink.articles[0]?.title).toBe(TITLE);
  });

  it('still reads an undeclared feed as UTF-8', async () => {
    server.set('/utf8.xml', rssFeed('Seeblick Zeitung', [{ title: TITLE, link: 'http://example.test/cafe', contentHtml: BODY }]), 'application/rss+xml');
    await poll('/utf8.xml');
    expect(sink.articles[0]?.title).toBe(TITLE);
  });
});
