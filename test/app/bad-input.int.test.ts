import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('bad input never loses what is indexed', () => {
  const temp = makeTempDir();
  const corpus = join(temp.path, 'corpus');
  let storydesk: Storydesk;

  beforeAll(async () => {
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'good.md'), fictionalArticle(1, { title: 'Quillon opens its night market' }));
    storydesk = await openTestStorydesk(join(temp.path, 'data'));
    await storydesk.ingest([corpus]);
  });
  afterAll(async () => {
    await storydesk.close();
    temp.remove();
  });

  it('skips each bad file with a reason, ingests the usable ones, and keeps the rest of the index', async () => {
    writeFileSync(join(corpus, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0xff]));
    writeFileSync(join(corpus, 'latin1.txt'), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));
    writeFileSync(join(corpus, 'empty.md'), '');
    writeFileSync(join(corpus, 'huge.txt'), `Huge\n${'word '.repeat(4 * 1024 * 1024)}`);
    writeFileSync(join(corpus, 'notes.docx'), 'not a supported format');
    writeFileSync(
      join(corpus, 'records.jsonl'),
      [
        JSON.stringify({ id: 'rec-1', title: 'Velmont library extends opening hours', body: 'The fictional Velmont library will open until midnight on weekdays, its director said.' }),
        '{"id": "rec-broken", "body": ',
        JSON.stringify({ id: 'rec-2', title: 'No body here' }),
        JSON.stringify({ id: 'rec-3', body: 'Eastwick Falls approved a fictional bike-share scheme with 40 stations on Monday.' }),
      ].join('\n'),
    );
    writeFileSync(
      join(corpus, 'hostile.html'),
      `<!doctype html><html><head><title>Port Ellery harbour reopens</title><script>document.write('pwned')</script>
       <meta property="og:site_name" content="Fictional Harbour News"></head>
       <body onload="alert(1)"><article><h1>Port Ellery harbour reopens</h1>
       <p>The fictional harbour of Port Ellery reopened to ferries on Sunday after two weeks of dredging, the port authority said.</p>
       <p>Captains reported calm water and no delays on the first crossings of the season.</p>
       <img src=x onerror="alert(2)"><iframe src="javascript:alert(3)"></iframe><style>p{display:none}</style>
       </article></body></html>`,
    );

    const report = await storydesk.ingest([corpus]);
    const reasons = new Map(report.skipped.map((item) => [item.path.split('/').pop() ?? '', item.reason]));
    expect(reasons.get('binary.txt')).toBeDefined();
    expect(reasons.get('latin1.txt')).toBeDefined();
    expect(reasons.get('empty.md')).toBeDefined();
    expect(reasons.get('huge.txt')).toBeDefined();
    expect(reasons.get('notes.docx')).toBeDefined();
    expect([...reasons.keys()].some((path) => path.startsWith('records.jsonl:2'))).toBe(true);
    expect([...reasons.keys()].some((path) => path.startsWith('records.jsonl:3'))).toBe(true);

    expect(await storydesk.store.getArticle('good')).not.toBeNull();
    expect(await storydesk.store.getArticle('rec-1')).not.toBeNull();
    expect((await storydesk.store.getArticle('rec-3'))?.titleDerived).toBe(true);
    const harbour = await storydesk.store.getArticle('hostile');
    expect(harbour?.body).toContain('reopened to ferries');
    expect(harbour?.body).not.toMatch(/pwned|alert|onerror|display:none/);
  });
});
