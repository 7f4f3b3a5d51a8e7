import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const fixtures = join(import.meta.dirname, '../fixtures/ingest');

describe('JSON and JSONL records (through parseFile)', () => {
  const temp = makeTempDir('storydesk-records-');
  afterAll(() => temp.remove());
  const parseText = (name: string, text: string) => {
    const path = join(temp.path, name);
    writeFileSync(path, text);
    return { path, result: parseFile(path) };
  };

  it('reads a JSON array: record ids become article ids, origins point at the record', async () => {
    const path = join(fixtures, 'records-array.json');
    const { articles, skipped } = await parseFile(path);
    expect(skipped).toEqual([]);
    expect(articles.map((article) => article.id)).toEqual(['101', 'echo-102']);
    expect(articles[0]).toMatchObject({
      title: 'Fictional Library Extends Opening Hours',
      titleDerived: false,
      source: 'Eastfield Echo (fictional)',
      url: 'https://echo.example/library',
      published: '2031-05-06T07:00:00.000Z',
      author: 'Casey Sample',
      origin: `${path}#101`,
      originFile: path,
    });
    // "text" is accepted for the body; an unreadable date becomes null rather than a skip.
    expect(articles[1]).toMatchObject({ body: 'The fictional Eastfield council approved a new bike lane on Tuesday. Work starts in June.', titleDerived: true, published: null });
  });

  it('reads a single record and an {articles: [...]} wrapper', async () => {
    const single = parseText('single.json', JSON.stringify({ id: 'solo', body: 'The fictional solo record body.' }));
    expect((await single.result).articles.map((article) => article.origin)).toEqual([`${single.path}#solo`]);
    const wrapped = parseText('wrapped.json', JSON.stringify({ articles: [{ id: 1, content: 'First fictional body.' }, { id: 2, body: '' }] }));
    const { articles, skipped } = await wrapped.result;
    expect(articles.map((article) => article.id)).toEqual(['1']);
    expect(skipped).toEqual([{ path: `${wrapped.path}[1]`, reason: expect.stringMatching(/body is missing or empty/) }]);
  });

  it('skips a JSON file that does not parse, saying so', async () => {
    const { result } = parseText('broken.json', '[{"id": 1, "body": "x"');
    expect((await result).skipped[0]?.reason).toMatch(/^not valid JSON/);
  });

  it('reads JSONL line by line: a malformed line and a record without body are skipped with their line, the rest continue', async () => {
    const path = join(fixtures, 'wire-records.jsonl');
    const { articles, skipped } = await parseFile(path);
    expect(articles.map((article) => article.id)).toEqual(['wire-1', 'wire-4']);
    expect(articles[0]).toMatchObject({ title: 'Fictional Port Strike Ends', published: '2031-07-04', origin: `${path}#wire-1`, originFile: path });
    expect(articles[1]?.body).toContain('harbour master');
    expect(skipped.map((item) => item.path)).toEqual([`${path}:2`, `${path}:4`, `${path}:6`]);
    expect(skipped[0]?.reason).toMatch(/not valid JSON/);
    expect(skipped[1]?.reason).toMatch(/body is missing or empty \(also accepted: "text" or "content"\)/);
    expect(skipped[2]?.reason).toMatch(/expected an object/);
  });

  it('names the field that is wrong in an invalid record', async () => {
    const { path, result } = parseText('bad-fields.ndjson', [JSON.stringify({ title: 'No id', body: 'Fictional body.' }), JSON.stringify({ id: 7, body: 42 })].join('\n'));
    const { articles, skipped } = await result;
    expect(articles).toEqual([]);
    expect(skipped[0]).toEqual({ path: `${path}:1`, reason: expect.stringMatching(/id/) });
    expect(skipped[1]).toEqual({ path: `${path}:2`, reason: expect.stringMatching(/body/) });
  });
});

describe('JSONL read from bytes', () => {
  const temp = makeTempDir('storydesk-jsonl-');
  afterAll(() => temp.remove());

  it('skips a line that is not UTF-8 and keeps the others, with CRLF line ends and a byte-order mark', async () => {
    const path = join(temp.path, 'mixed.jsonl');
    const good = (id: string) => Buffer.from(JSON.stringify({ id, body: `The fictional record ${id} body.` }));
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good('a'), Buffer.from('\r\n{"id": "b", "body": "caf'), Buffer.from([0xe9]), Buffer.from('"}\r\n'), good('c'), Buffer.from('\r\n')]));
    const { articles, skipped } = await parseFile(path);
    expect(articles.map((article) => article.id)).toEqual(['a', 'c']);
    expect(skipped).toEqual([{ path: `${path}:2`, reason: 'not valid UTF-8 text' }]);
  });

  it('skips a binary or blank .jsonl file as a whole rather than line by line', async () => {
    const binary = join(temp.path, 'binary.jsonl');
    writeFileSync(binary, Buffer.from([0x7b, 0x00, 0x0a, 0x00, 0x0a]));
    expect((await parseFile(binary)).skipped).toEqual([{ path: binary, reason: expect.stringMatching(/binary/) }]);
    const blank = join(temp.path, 'blank.ndjson');
    writeFileSync(blank, '\n  \n\n');
    expect((await parseFile(blank)).skipped).toEqual([{ path: blank, reason: 'the file holds only whitespace' }]);
  });
});
