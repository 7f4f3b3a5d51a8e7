import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/disputes/claim-store.js';
import { CLAIM_READER_VERSION, extractClaims } from '../../src/disputes/claims.js';
import { segmentSentences } from '../../src/ingest/segment-sentences.js';
import { SqliteClaimStore } from '../../src/providers/sqlite-claim-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeArticle, openTestStore, putWithVectors } from './store-fixtures.js';

const temp = makeTempDir('storydesk-claims-');
afterAll(() => temp.remove());

const body =
  'Sources told Reuters that ByteDance plans to use Huawei chips. “The entire premise here is wrong,” a TikTok spokesperson said. Reuters could not verify the chips.';

describe('SqliteClaimStore', () => {
  it('keeps each article’s claims with offsets, attribution and hedge, and forgets them when the article changes or goes', async () => {
    const path = join(temp.path, 'storydesk.sqlite');
    const articles = await openTestStore(path);
    const claims = SqliteClaimStore.open(path);
    try {
      const article = makeArticle('seed', { body, contentHash: 'v1' });
      await putWithVectors(articles, article);
      const sentences = segmentSentences(body);
      const read = await claimsOf(article, sentences, claims);
      expect(read.map((claim) => claim.hedge)).toEqual(['reported', 'denied', 'unverified']);

      // Read back from the store: same claims, texts cut verbatim from the body.
      expect(await claims.getClaims(article, CLAIM_READER_VERSION)).toEqual(read);
      for (const claim of (await claims.getClaims(article, CLAIM_READER_VERSION)) ?? []) expect(body.slice(claim.start, claim.end)).toBe(claim.text);
      expect((await claims.getClaims(article, CLAIM_READER_VERSION))?.[0]?.attribution).toMatchObject({ kind: 'unnamed', via: 'Reuters' });

      // An edited article is read again; a stale version is not stored over the current one.
      expect(await claims.getClaims({ ...article, contentHash: 'v2' }, CLAIM_READER_VERSION)).toBeNull();
      await claims.putClaims({ ...article, contentHash: 'v0' }, CLAIM_READER_VERSION, []);
      expect(await claims.getClaims(article, CLAIM_READER_VERSION)).toEqual(read);

      // Claims read by older rules are read again.
      const database = new Database(path);
      database.prepare('UPDATE claims SET content_hash = ? WHERE article_id = ?').run('v1', 'seed');
      database.close();
      expect(await claims.getClaims(article, CLAIM_READER_VERSION)).toBeNull();
      expect(await claimsOf(article, sentences, claims)).toEqual(read);
      expect(await claims.getClaims(article, CLAIM_READER_VERSION)).toEqual(read);

      // Deleting the article deletes its claims.
      await articles.deleteArticle('seed');
      await putWithVectors(articles, article);
      expect(await claims.getClaims(article, CLAIM_READER_VERSION)).toBeNull();
    } finally {
      claims.close();
      articles.close();
    }
  });

  it('remembers an article without claims, and reads without a store', async () => {
    const path = join(temp.path, 'empty.sqlite');
    const articles = await openTestStore(path);
    const claims = SqliteClaimStore.open(path);
    try {
      const article = makeArticle('short', { body: 'Too short.' });
      await putWithVectors(articles, article);
      expect(await claimsOf(article, segmentSentences(article.body), claims)).toEqual([]);
      expect(await claims.getClaims(article, CLAIM_READER_VERSION)).toEqual([]);
      expect(await claimsOf(makeArticle('x', { body }), segmentSentences(body))).toEqual(extractClaims(body, segmentSentences(body)));
    } finally {
      claims.close();
      articles.close();
    }
  });
});
