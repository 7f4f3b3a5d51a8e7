import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContent, parsePage, visibleText } from './page-safety.js';
import { startWebFixture, type WebFixture } from './web-fixture.js';

async function get(fixture: WebFixture, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(`${fixture.url}${path}`, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('web UI routes over a real store', () => {
  let fixture: WebFixture;
  beforeAll(async () => {
    fixture = await startWebFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('answers /healthz with a small JSON status and no page', async () => {
    const response = await get(fixture, '/healthz');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('sends a strict Content-Security-Policy that allows no script and only its own stylesheet', async () => {
    const { headers } = await get(fixture, '/stories');
    const policy = headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    const css = await get(fixture, '/assets/storydesk.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('lists stories with article counts, outlets, last update, a chart and dispute badges', async () => {
    const { status, body, headers } = await get(fixture, '/stories');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    const page = parsePage(body);
    const cards = [...page.querySelectorAll('.story-card')];
    expect(cards.length).toBeGreaterThanOrEqual(4);
    const seed = cards.find((card) => card.textContent?.includes('ByteDance'));
    const seedText = seed?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(seedText).toContain('1 article');
    expect(seedText).toContain('Benzinga');
    expect(seedText).toContain('Updated Sep 30, 2024');
    expect(seedText).toMatch(/Denied · \d claims?/);
    expect(seed?.querySelector('svg.chart title')?.textContent).toMatch(/Articles per day: 1 dated article, all on Sep 30, 2024/);
    expect(seed?.querySelector('a')?.getAttribute('href')).toBe(`/stories/${fixture.seedStoryId}`);
    const bridge = cards.find((card) => card.querySelector('h2')?.textContent?.includes('Quillon'));
    expect(bridge?.textContent).toMatch(/3 articles/);
    expect(bridge?.textContent).toContain('Harbour Herald');
  });

  it("shows the seed story's Ascend 910B claim marked disputed with the spokesperson's denial beside it", async () => {
    const { status, body } = await get(fixture, `/stories/${fixture.seedStoryId}`);
    expect(status).toBe(200);
    const page = parsePage(body);
    const cards = [...page.querySelectorAll('.dispute')];
    const ascend = cards.find((card) => card.querySelector('.side-claim blockquote')?.textContent?.includes('Ascend 910B chip to train'));
    expect(ascend, 'a dispute card whose claim is the Ascend 910B sentence').toBeDefined();
    expect(ascend?.querySelector('h3 .chip')?.textContent).toMatch(/Denied/);
    const counters = [...(ascend?.querySelectorAll('.side-counter') ?? [])].map((counter) => counter.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(counters.find((text) => text.includes('Denied'))).toContain('Michael Hughes, a TikTok spokesperson, stated, “The entire premise here is wrong. No new model is being developed.”');
    expect(counters.find((text) => text.includes('Not verified'))).toContain('could not verify the use of Huawei chips');
    // Both sides carry outlet, date and link.
    expect(ascend?.querySelector('.side-claim cite a')?.getAttribute('href')).toMatch(/^https:\/\/www\.benzinga\.com\//);
    expect(ascend?.querySelector('.side-claim time')?.getAttribute('datetime')).toBe('2024-09-30');
  });

  it('shows a multi-outlet story as a dated timeline with statuses and the denial across outlets', async () => {
    const list = parsePage((await get(fixture, '/stories')).body);
    const href = [...list.querySelectorAll('.story-card h2 a')].find((link) => link.textContent?.includes('Quillon'))?.getAttribute('href');
    const { body } = await get(fixture, href ?? '/missing');
    const page = parsePage(body);
    const entries = [...page.querySelectorAll('.timeline > li')];
    expect(entries.map((entry) => entry.querySelector('time')?.getAttribute('datetime'))).toEqual(['2031-03-03', '2031-03-04', '2031-03-05']);
    for (const entry of entries) expect(entry.querySelector('.chip')?.textContent?.trim()).toMatch(/Reported|Denied|Contradicted|Not verified|Confirmed later/);
    const text = visibleText(body);
    expect(text).toContain('Ellery Steelworks');
    expect(page.querySelector('.dispute .side-counter')?.textContent).toMatch(/denied that its bolts were faulty/);
    expect(page.querySelector('figure svg.chart')?.querySelectorAll('rect.bar').length).toBe(3);
  });

  it("redirects an article's id to its story and answers an unknown id with a 404 page", async () => {
    const seedArticle = (await fixture.storydesk.store.listArticleRefs()).find((ref) => ref.id.includes('bytedance'))?.id ?? '';
    const redirect = await get(fixture, `/stories/${encodeURIComponent(seedArticle)}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/stories/${fixture.seedStoryId}`);
    const missing = await get(fixture, '/stories/story-does-not-exist');
    expect(missing.status).toBe(404);
    expect(visibleText(missing.body)).toContain('There is no story story-does-not-exist');
    expect((await get(fixture, '/nowhere')).status).toBe(404);
  });

  it('renders /ask as the cited chat answer, disputes flagged, sources numbered, and a link to the full timeline', async () => {
    const { status, body } = await get(fixture, `/ask?q=${encodeURIComponent('Is ByteDance training an AI model on Huawei chips?')}`);
    expect(status).toBe(200);
    const page = parsePage(body);
    const flagged = [...page.querySelectorAll('.answer .statement')].find((block) => block.textContent?.includes('Ascend 910B chip to train'));
    expect(flagged?.querySelector('.chip')?.textContent).toMatch(/Disputed/);
    // The denial disputes both claims of the report: quoted under the first, referred back to under the second.
    const answerText = page.querySelector('.answer')?.textContent ?? '';
    expect(answerText.split('The entire premise here is wrong.')).toHaveLength(2);
    expect(flagged?.textContent).toMatch(/Denied.*as above/s);
    const marker = flagged?.querySelector('.markers a')?.getAttribute('href') ?? '';
    expect(marker).toMatch(/^#source-\d+$/);
    expect(page.querySelector(marker)?.textContent).toContain('Benzinga');
    const timeline = [...page.querySelectorAll('.story-links a')].map((link) => link.getAttribute('href'));
    expect(timeline).toContain(`/stories/${fixture.seedStoryId}`);
    expect(page.querySelector('input[name="q"]')?.getAttribute('value')).toBe('Is ByteDance training an AI model on Huawei chips?');
  });

  it('shows the question form without a question and a plain refusal for an oversized one', async () => {
    const form = await get(fixture, '/ask');
    expect(form.status).toBe(200);
    expect(parsePage(form.body).querySelector('main form[action="/ask"]')).not.toBeNull();
    const tooLong = await get(fixture, `/ask?q=${'why '.repeat(400)}`);
    expect(tooLong.status).toBe(400);
    expect(visibleText(tooLong.body)).toMatch(/the limit is 1000/);
  });

  describe('hostile articles', () => {
    it('are stored with their markup, so the pages really receive it', async () => {
      const article = await fixture.storydesk.store.getArticle('hostile-crane-wire');
      expect(article?.title).toContain('<script>');
      expect(article?.body).toContain('onerror=alert(5)');
      expect(article?.url).toBe('javascript:alert(3)');
    });

    it('never reach a page as markup: no script, no event handler, no javascript: link, anywhere', async () => {
      const list = await get(fixture, '/stories');
      const hostileHref = [...parsePage(list.body).querySelectorAll('.story-card h2 a')]
        .find((link) => link.textContent?.includes('Ostrava'))
        ?.getAttribute('href');
      expect(hostileHref).toBeDefined();
      const story = await get(fixture, hostileHref ?? '');
      const ask = await get(fixture, `/ask?q=${encodeURIComponent('Did the Ostrava harbour crane collapse? <script>alert(12)</script>')}`);
      const missing = await get(fixture, `/stories/${encodeURIComponent('<script>alert(13)</script>')}`);
      for (const page of [list, story, ask, missing]) {
        expect(activeContent(page.body)).toEqual([]);
        expect(page.body).not.toMatch(/<script|<img|<svg onload|<iframe|javascript:alert/i);
      }
      // What was markup is shown as text, quoted as published.
      expect(visibleText(story.body)).toContain('<script>alert("title")</script> Ostrava harbour crane <img src=x onerror=alert(1)> collapses');
      expect(visibleText(story.body)).toContain('<b onmouseover=alert(2)>Evil Wire</b>');
      expect(visibleText(ask.body)).toContain('Ostrava');
      expect(story.body).toContain('&lt;script&gt;');
    });

    it('shows an unsafe article address as text, never as a link', async () => {
      const list = parsePage((await get(fixture, '/stories')).body);
      const href = [...list.querySelectorAll('.story-card h2 a')].find((link) => link.textContent?.includes('Ostrava'))?.getAttribute('href') ?? '';
      const page = parsePage((await get(fixture, href)).body);
      const links = [...page.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? '');
      expect(links.every((link) => link.startsWith('/') || link.startsWith('#') || /^https?:\/\//.test(link))).toBe(true);
      const citations = [...page.querySelectorAll('cite')].map((cite) => cite.textContent ?? '');
      expect(citations.some((text) => text.includes('Ostrava harbour crane'))).toBe(true);
      expect([...page.querySelectorAll('cite a')].some((link) => link.textContent?.includes('Ostrava'))).toBe(false);
    });
  });
});
