import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One item of a fake feed. */
export interface FakeFeedItem {
  title: string;
  link: string;
  guid?: string;
  /** Full text as HTML (RSS content:encoded / Atom content). */
  contentHtml?: string;
  /** Teaser (RSS description / Atom summary). */
  summary?: string;
  published?: string;
  /** RSS `<source>`: the original outlet, as aggregators list it. */
  source?: string;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document. */
export function rssFeed(title: string, items: FakeFeedItem[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
        (item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '') +
        (item.summary ? `<description>${escapeXml(item.summary)}</description>` : '') +
        (item.contentHtml ? `<content:encoded><![CDATA[${item.contentHtml}]]></content:encoded>` : '') +
        (item.published ? `<pubDate>${new Date(item.published).toUTCString()}</pubDate>` : '') +
        (item.source ? `<source url="http://example.test/${encodeURIComponent(item.source)}.xml">${escapeXml(item.source)}</source>` : '') +
        '</item>',
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(title)}</title><link>http://example.test/</link><description>fake</description>${entries}</channel></rss>`;
}

/** An Atom 1.0 document. */
export function atomFeed(title: string, items: FakeFeedItem[]): string {
  const entries = items
    .map(
      (item) => `<entry><title>${escapeXml(item.title)}</title><link rel="alternate" href="${escapeXml(item.link)}"/><id>${escapeXml(item.guid ?? item.link)}</id>` +
        (item.published ? `<published>${item.published}</published><updated>${item.published}</updated>` : '<updated>2026-01-01T00:00:00Z</updated>') +
        (item.summary ? `<summary>${escapeXml(item.summary)}</summary>` : '') +
        (item.contentHtml ? `<content type="html">${escapeXml(item.contentHtml)}</content>` : '') +
        '</entry>',
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>urn:fake</id><updated>2026-01-01T00:00:00Z</updated>${entries}</feed>`;
}

/** A news page with furniture around the article, as readability sees real pages. */
export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${escapeXml(title)}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a></nav>
<article><h1>${escapeXml(title)}</h1>${paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join('\n')}</article>
<aside><h3>Read next</h3><ul><li><a href="/x">Something else</a></li></ul></aside>
<footer>Copyright Fake Outlet</footer></body></html>`;
}

/**
 * A local HTTP server standing in for news sites: feeds and pages it is given (with ETag/Last-Modified and
 * 304s), plus fixed trouble: `/error-500`, `/hang` (never answers), `/loop-a` ↔ `/loop-b` (redirect loop),
 * `/huge` (50 MB streamed), `/malformed.xml`. Counts requests per path and records conditional headers.
 */
export class FakeFeedServer {
  readonly requests = new Map<string, number>();
  /** Every request in arrival order: its path, when it arrived (epoch ms) and the client's port, for counting fetches over time. */
  readonly fetches: Array<{ path: string; at: number; clientPort: number }> = [];
  /** Requests answered 304. */
  notModified = 0;
  /** Bytes of `/huge` actually written before the client gave up. */
  hugeBytesSent = 0;
  readonly #documents = new Map<string, { body: string | Uint8Array; contentType: string; etag: string; lastModified: string }>();
  readonly #server: Server;
  readonly #hanging = new Set<ServerResponse>();

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts a server on 127.0.0.1 with a free port. */
  static async start(): Promise<FakeFeedServer> {
    let instance: FakeFeedServer | undefined;
    const server = createServer((request, response) => instance?.handle(request, response));
    instance = new FakeFeedServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** Serves (or replaces) a document (text is sent as UTF-8, bytes as they are); its ETag changes with its content. */
  set(path: string, body: string | Uint8Array, contentType = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/xml'): void {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    this.#documents.set(path, { body, contentType, etag, lastModified: new Date(Date.UTC(2026, 0, 1, this.#documents.size)).toUTCString() });
  }

  count(path: string): number {
    return this.requests.get(path) ?? 0;
  }

  async close(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', this.baseUrl).pathname;
    this.requests.set(path, this.count(path) + 1);
    this.fetches.push({ path, at: Date.now(), clientPort: request.socket.remotePort ?? 0 });
    switch (path) {
      case '/error-500':
        response.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
        return;
      case '/hang':
        this.#hanging.add(response);
        return;
      case '/loop-a':
        response.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        response.writeHead(302, { location: '/loop-a' }).end();
        return;
      case '/malformed.xml':
        response.writeHead(200, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed');
        return;
      case '/huge':
        this.streamHuge(response);
        return;
    }
    const document = this.#documents.get(path);
    if (!document) {
      response.writeHead(404).end('not found');
      return;
    }
    if (request.headers['if-none-match'] === document.etag || request.headers['if-modified-since'] === document.lastModified) {
      this.notModified += 1;
      response.writeHead(304, { etag: document.etag, 'last-modified': document.lastModified }).end();
      return;
    }
    response.writeHead(200, { 'content-type': document.contentType, etag: document.etag, 'last-modified': document.lastModified }).end(document.body);
  }

  /** 50 MB of HTML in 64 KiB chunks without a Content-Length, stopping when the client hangs up. */
  private streamHuge(response: ServerResponse): void {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const total = 50 * 1024 * 1024;
    response.writeHead(200, { 'content-type': 'text/html' });
    const write = (): void => {
      while (this.hugeBytesSent < total) {
        if (response.destroyed) return;
        this.hugeBytesSent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', write);
          return;
        }
      }
      response.end();
    };
    response.on('close', () => response.removeAllListeners('drain'));
    write();
  }
}
