import { afterEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/claim.js';
import { article, put } from './article-fixtures.js';
import { freshStorage, type StorageFactory } from './storage-factory.js';

const BODY = 'Sources said the bolts were faulty. Ellery Steelworks denied it. The bridge reopened.';

function claimAt(text: string, overrides: Partial<Claim> = {}): Claim {
  const start = BODY.indexOf(text);
  return { start, end: start + text.length, text, hedge: 'reported', attribution: { holder: 'Sources', kind: 'unnamed', verb: 'said', via: null }, ...overrides };
}

/** Behaviour every `ClaimStore` shares. */
export function describeClaimStoreContract(factory: StorageFactory): void {
  describe(`${factory.name}: ClaimStore contract`, () => {
    const storages = freshStorage(factory);
    afterEach(() => storages.closeAll());

    it('keeps claims per article version and reader version, texts cut from the body, an empty reading included', async () => {
      const { articles, claims } = await storages.open();
      const stored = article('a', { body: BODY });
      await put(articles, stored);
      const read = [
        claimAt('Sources said the bolts were faulty.'),
        claimAt('Ellery Steelworks denied it.', { hedge: 'denied', attribution: { holder: 'Ellery Steelworks', kind: 'named', verb: 'denied', via: null } }),
      ];
      expect(await claims.getClaims(stored, 1)).toBeNull();
      await claims.putClaims(stored, 1, read);
      expect(await claims.getClaims(stored, 1)).toEqual(read);
      // Other reading rules, or another version of the article, mean reading it again.
      expect(await claims.getClaims(stored, 2)).toBeNull();
      expect(await claims.getClaims({ ...stored, contentHash: 'edited' }, 1)).toBeNull();
      await claims.putClaims(stored, 2, []);
      expect(await claims.getClaims(stored, 2)).toEqual([]);
      expect(await claims.getClaims(stored, 1)).toBeNull();
    });

    it('stores nothing for an article edited or removed since it was read, and drops claims with their article', async () => {
      const { articles, claims } = await storages.open();
      const stored = article('a', { body: BODY });
      await put(articles, stored);
      await claims.putClaims({ ...stored, contentHash: 'stale' }, 1, [claimAt('The bridge reopened.')]);
      expect(await claims.getClaims({ ...stored, contentHash: 'stale' }, 1)).toBeNull();
      await claims.putClaims(stored, 1, [claimAt('The bridge reopened.', { hedge: 'asserted', attribution: { holder: null, kind: 'outlet', verb: null, via: null } })]);
      await articles.deleteArticle('a');
      expect(await claims.getClaims(stored, 1)).toBeNull();
      await claims.putClaims(stored, 1, []);
      expect(await claims.getClaims(stored, 1)).toBeNull();
    });

    it('stores the claims of an article that several replicas read at once (building digests of one story), once', async () => {
      const { articles, claims } = await storages.open();
      const read = [claimAt('Sources said the bolts were faulty.'), claimAt('The bridge reopened.')];
      for (let round = 0; round < 5; round += 1) {
        const stored = article(`race-${round}`, { body: BODY });
        await put(articles, stored);
        await Promise.all(Array.from({ length: 4 }, () => claims.putClaims(stored, 1, read)));
        expect(await claims.getClaims(stored, 1)).toEqual(read);
      }
    });
  });
}
