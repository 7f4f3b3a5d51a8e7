import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const fixtures = join(import.meta.dirname, '../fixtures/ingest');

describe('parseHtml (through parseFile)', () => {
  const temp = makeTempDir('storydesk-html-');
  afterAll(() => temp.remove());
  const parseText = (name: string, text: string) => {
    const path = join(temp.path, name);
    writeFileSync(path, text);
    return parseFile(path);
  };

  it('extracts the article text with one paragraph per block, without the repeated headline or furniture', async () => {
    const { articles, skipped } = await parseFile(join(fixtures, 'harbour-bridge-page.html'));
    expect(skipped).toEqual([]);
    const body = articles[0]?.body ?? '';
    expect(body.split('\n\n')).toEqual([
      'The fictional Harbour Bridge in Lakeside reopened to traffic on Tuesday after eight months of repairs, the city\'s transport office said.',
      'Engineers replaced 42 steel cables and resurfaced the deck at a cost of $3.5 million, according to Dr. Mira Example, the project lead.',
      'Commuters had faced detours of up to 40 minutes. “We are glad it is open. The detour was long,” said resident Sam Placeholder.',
      'The city plans a second inspection in the autumn, officials said, and will publish the results on its website.',
    ]);
  });

  it('never lets scripts, styles, frames, event handlers or navigation reach the body', async () => {
    const { articles } = await parseFile(join(fixtures, 'harbour-bridge-page.html'));
    const body = articles[0]?.body ?? '';
    for (const marker of ['alert', 'SCRIPT_MARKER', 'INLINE SCRIPT MARKER', 'secret-style-marker', 'IFRAME MARKER', 'NOSCRIPT MARKER', 'onerror', 'stealCookies', 'Home', 'Sport']) {
      expect(body, marker).not.toContain(marker);
    }
  });

  it('reads metadata from Open Graph, article meta tags and the canonical link before JSON-LD', async () => {
    const path = join(fixtures, 'harbour-bridge-page.html');
    const { articles } = await parseFile(path);
    expect(articles[0]).toMatchObject({
      id: 'harbour-bridge-page',
      title: 'Fictional Harbour Bridge Reopens After Repairs',
      titleDerived: false,
      source: 'The Lakeside Ledger',
      url: 'https://ledger.example/news/harbour-bridge-reopens',
      published: '2031-04-02T08:30:00.000Z',
      author: 'Quinn Example',
      origin: path,
      originFile: path,
    });
  });

  it('falls back to JSON-LD metadata when the page has no meta tags', async () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Not the article' },
        { '@type': 'NewsArticle', headline: 'Fictional Dam Inspection Passes', datePublished: '2031-06-01', author: [{ name: 'Ari Sample' }, { name: 'Bo Example' }], publisher: { name: 'Riverside Times' }, url: 'https://times.example/dam' },
      ],
    });
    const html = `<html><head><script type="application/ld+json">${jsonLd}</script></head><body><p>The fictional dam passed its annual inspection, engineers said on Friday.</p></body></html>`;
    const { articles } = await parseText('json-ld.html', html);
    expect(articles[0]).toMatchObject({
      title: 'Fictional Dam Inspection Passes',
      source: 'Riverside Times',
      url: 'https://times.example/dam',
      published: '2031-06-01',
      author: 'Ari Sample, Bo Example',
    });
    expect(articles[0]?.body).toBe('The fictional dam passed its annual inspection, engineers said on Friday.');
  });

  it('reads a short page that Readability declines, and ignores broken JSON-LD', async () => {
    const html = '<html><head><title>Short Fictional Brief</title><script type="application/ld+json">{broken</script></head><body><p>The fictional bridge closed briefly.</p><script>alert(2)</script></body></html>';
    const { articles } = await parseText('short.htm', html);
    expect(articles[0]?.body).toBe('The fictional bridge closed briefly.');
    expect(articles[0]?.title).toBeTruthy();
  });

  it('keeps paragraphs apart when a page uses bare divs, line breaks and table cells instead of <p>', async () => {
    const html = '<html><body><div>The fictional first line.</div><div>The fictional second line.<br>A third line.</div><table><tr><td>Cell one.</td><td>Cell two.</td></tr></table></body></html>';
    const { articles } = await parseText('divs.html', html);
    expect(articles[0]?.body).toBe('The fictional first line.\n\nThe fictional second line.\nA third line.\n\nCell one.\n\nCell two.');
  });

  it('reads a pathologically nested page without handing it to Readability (which would take minutes)', async () => {
    const depth = 3000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>The fictional deep sentence is here.</p>${'</div>'.repeat(depth)}</body></html>`;
    const { articles } = await parseText('deep.html', html);
    expect(articles[0]?.body).toBe('The fictional deep sentence is here.');
    expect(articles[0]?.titleDerived).toBe(true);
  });

  it('takes the first headline as the title when the page declares none and Readability is not used', async () => {
    const depth = 300;
    const html = `<html><head><title>Fictional Page Title | Site</title></head><body>${'<div>'.repeat(depth)}<h1>Fictional Headline</h1><p>The fictional text.</p>${'</div>'.repeat(depth)}</body></html>`;
    const { articles } = await parseText('deep-titled.html', html);
    expect(articles[0]?.title).toBe('Fictional Headline');
    expect(articles[0]?.body).toBe('The fictional text.');
  });

  it('skips a page with no text', async () => {
    const { articles, skipped } = await parseText('empty-page.html', '<html><head><script>alert(1)</script><style>p{}</style></head><body><iframe src="x"></iframe></body></html>');
    expect(articles).toEqual([]);
    expect(skipped[0]?.reason).toMatch(/no article text/);
  });
});
