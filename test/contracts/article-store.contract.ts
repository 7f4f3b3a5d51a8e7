import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/storage.js';
import { article, axisVector, put, sentencePassages } from './article-fixtures.js';
import { contractEmbedder, freshStorage, type StorageFactory } from './storage-factory.js';

const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Float32 storage keeps about 7 significant digits. */
function expectSameVector(actual: number[] | undefined, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual?.forEach((value, component) => {
    expect(value).toBeCloseTo(expected[component] ?? Number.NaN, 6);
  });
}

async function allVectors(storage: Storage): Promise<{ passageId: number; vector: number[] }[]> {
  const rows: { passageId: number; vector: number[] }[] = [];
  for await (const row of storage.articles.scanVectors()) rows.push(row);
  return rows;
}

/** Behaviour every `ArticleStore` shares; run by each backend with its factory. */
export function describeArticleStoreContract(factory: StorageFactory): void {
  describe(`${factory.name}: ArticleStore contract`, () => {
    const storages = freshStorage(factory);
    afterEach(() => storages.closeAll());

    it('stores an article with its passages, sentence offsets and vectors, and reads them back after a reopen', async () => {
      const first = await storages.open();
      const stored = article('a', { body: 'ByteDance denied the report. Huawei said nothing. Analysts doubt it.' });
      const { passages, removedPassageIds } = await put(first.articles, stored, (ordinal) => axisVector(ordinal % 4, 0.01));
      expect(removedPassageIds).toEqual([]);
      expect(passages.map((passage) => passage.text)).toEqual(['ByteDance denied the report.', 'Huawei said nothing.', 'Analysts doubt it.']);
      await first.close();

      const { articles } = await storages.reopen();
      expect(await articles.getArticle('a')).toEqual(stored);
      expect(await articles.getArticlePassages('a')).toEqual(passages);
      const reversed = passages.map((passage) => passage.id).reverse();
      expect((await articles.getPassages([...reversed, 987_654])).map((passage) => passage.id)).toEqual(reversed);
      expect(await articles.getArticleMetas(['a', 'missing'])).toEqual(
        new Map([['a', { id: 'a', title: stored.title, source: stored.source, url: stored.url, published: stored.published }]]),
      );
      expect(await articles.counts()).toEqual({ articles: 1, passages: 3 });
      expect(await articles.getEmbedderInfo()).toEqual(contractEmbedder);
    });

    it("reads only the passages within a window of ordinals when asked, in reading order", async () => {
      const storage = await storages.open();
      const body = Array.from({ length: 30 }, (_, index) => `Paragraph ${index} of the live blog.`).join(' ');
      await put(storage.articles, article('blog', { body }));
      const ordinals = async (near?: { ordinals: number[]; within: number }): Promise<number[]> =>
        (await storage.articles.getArticlePassages('blog', near)).map((passage) => passage.ordinal);
      expect(await ordinals()).toHaveLength(30);
      // Two windows that overlap, one at the start of the article: each passage once, in order.
      expect(await ordinals({ ordinals: [20, 1, 23], within: 2 })).toEqual([0, 1, 2, 3, 18, 19, 20, 21, 22, 23, 24, 25]);
      expect(await ordinals({ ordinals: [29], within: 0 })).toEqual([29]);
      expect(await ordinals({ ordinals: [], within: 5 })).toEqual([]);
    });

    it('streams every stored vector in passage-id order', async () => {
      const storage = await storages.open();
      const one = await put(storage.articles, article('one', { body: 'First. Second.' }), (ordinal) => axisVector(ordinal));
      const two = await put(storage.articles, article('two', { body: 'Third.' }), () => axisVector(3));
      const rows = await allVectors(storage);
      expect(rows.map((row) => row.passageId)).toEqual([...one.passages, ...two.passages].map((passage) => passage.id));
      expectSameVector(rows[1]?.vector, axisVector(1));
    });

    it('stores several articles in one call, in order, all or none', async () => {
      const storage = await storages.open();
      const good = article('good', { body: 'Good text.' });
      const passages = sentencePassages(good.body);
      const results = await storage.articles.putArticles([
        { article: good, passages, vectors: [axisVector(0)] },
        { article: article('other', { body: 'Other text.' }), passages: sentencePassages('Other text.'), vectors: [axisVector(1)] },
      ]);
      expect(results.map((result) => result.passages[0]?.articleId)).toEqual(['good', 'other']);
      // The second write is inconsistent (two passages, one vector): nothing of this call is stored.
      const bad = article('bad', { body: 'Bad one. Bad two.' });
      await expect(
        storage.articles.putArticles([
          { article: article('fine', { body: 'Fine.' }), passages: sentencePassages('Fine.'), vectors: [axisVector(0)] },
          { article: bad, passages: sentencePassages(bad.body), vectors: [axisVector(0)] },
        ]),
      ).rejects.toThrow(/2 passages but 1 vectors/);
      expect(await storage.articles.getArticle('fine')).toBeNull();
      expect(await storage.articles.counts()).toEqual({ articles: 2, passages: 2 });
    });

    it('replaces an article in place: new passage ids, old ones reported, old words no longer found, first ingestion time kept', async () => {
      const { articles } = await storages.open();
      const first = await put(articles, article('a', { body: 'The council voted on the harbour budget.' }));
      const oldIds = first.passages.map((passage) => passage.id);
      const replaced = await put(
        articles,
        article('a', { body: 'The mayor resigned. Elections follow in spring.', ingestedAt: '2032-01-01T00:00:00.000Z', contentHash: 'new' }),
      );
      expect(replaced.removedPassageIds).toEqual(oldIds);
      expect(Math.min(...replaced.passages.map((passage) => passage.id))).toBeGreaterThan(Math.max(...oldIds));
      expect(await articles.lexicalSearch('harbour budget', 10)).toEqual([]);
      expect((await articles.lexicalSearch('mayor', 10)).map((hit) => hit.passageId)).toEqual([replaced.passages[0]?.id]);
      expect((await articles.getArticle('a'))?.ingestedAt).toBe('2031-05-04T00:00:00.000Z');
      expect((await articles.getArticleRef('a'))?.contentHash).toBe('new');
      expect(await articles.counts()).toEqual({ articles: 1, passages: 2 });
    });

    it('deletes an article with its passages, vectors and search rows, and never reuses its passage ids', async () => {
      const storage = await storages.open();
      const { articles } = storage;
      await put(articles, article('keep', { body: 'Shipping rates rose.' }));
      const removed = await put(articles, article('gone', { body: 'Chip exports were banned. Shipping stalled.' }));
      const ids = removed.passages.map((passage) => passage.id);
      expect(await articles.deleteArticle('gone')).toEqual(ids);
      expect(await articles.getArticle('gone')).toBeNull();
      expect(await articles.getPassages(ids)).toEqual([]);
      expect(await articles.lexicalSearch('chip exports', 10)).toEqual([]);
      expect(await articles.lexicalSearch('shipping', 10)).toHaveLength(1);
      expect(await allVectors(storage)).toHaveLength(1);
      expect(await articles.deleteArticle('gone')).toEqual([]);
      const next = await put(articles, article('new', { body: 'Fresh news.' }));
      expect(next.passages[0]?.id).toBeGreaterThan(Math.max(...ids));
    });

    it('caches each vector under the SHA-256 of its passage text and the embedder, and keeps it after the article is gone', async () => {
      const { articles } = await storages.open();
      const stored = article('a', { body: 'Huawei shipped Ascend chips. ByteDance denied buying them.' });
      await put(articles, stored, (ordinal) => axisVector(ordinal + 1));
      await articles.deleteArticle('a');
      const hashes = sentencePassages(stored.body).map((passage) => textHash(passage.text));
      const cached = await articles.getCachedVectors([...hashes, textHash('never stored')], contractEmbedder.id);
      expect([...cached.keys()].sort()).toEqual([...hashes].sort());
      expectSameVector(cached.get(hashes[1] ?? ''), axisVector(2));
      expect((await articles.getCachedVectors(hashes, 'another-embedder')).size).toBe(0);
    });

    it('refuses vectors of another dimension until the new embedder is recorded, then caches under it', async () => {
      const { articles } = await storages.open();
      const stored = article('a', { body: 'Huawei shipped Ascend chips.' });
      const passages = sentencePassages(stored.body);
      await articles.putArticles([{ article: stored, passages, vectors: [axisVector(0)] }]);
      await expect(articles.putArticles([{ article: stored, passages, vectors: [[1, 2, 3]] }])).rejects.toThrow(/dimensions/);
      await articles.setEmbedderInfo({ id: 'three-d', dimension: 3 });
      expect(await articles.getEmbedderInfo()).toEqual({ id: 'three-d', dimension: 3 });
      await articles.putArticles([{ article: stored, passages, vectors: [[1, 2, 3]] }]);
      const hash = textHash(passages[0]?.text ?? '');
      expectSameVector((await articles.getCachedVectors([hash], 'three-d')).get(hash), [1, 2, 3]);
      expectSameVector((await articles.getCachedVectors([hash], contractEmbedder.id)).get(hash), axisVector(0));
    });

    it('rejects passages that are not cut from the body, without touching the stored article', async () => {
      const { articles } = await storages.open();
      await put(articles, article('a', { body: 'Original text.' }));
      const replacement = article('a', { body: 'Replacement text. Second sentence.' });
      const shifted = sentencePassages(replacement.body).map((draft) => ({ ...draft, start: draft.start + 1 }));
      await expect(articles.putArticles([{ article: replacement, passages: shifted, vectors: [axisVector(0), axisVector(0)] }])).rejects.toThrow();
      expect((await articles.getArticle('a'))?.body).toBe('Original text.');
      expect(await articles.lexicalSearch('original', 5)).toHaveLength(1);
    });

    it('lists the articles that came from a file or from anywhere under a folder, wildcards taken literally', async () => {
      const { articles } = await storages.open();
      for (const [id, originFile] of [
        ['one', '/corpus/world/one.md'],
        ['two', '/corpus/world/deep/two.md'],
        ['odd', '/corpus/world_100%/odd.md'],
        ['sibling', '/corpus/worldwide/three.md'],
        ['feed', null],
      ] as const) {
        await put(articles, article(id, { originFile, origin: originFile ?? 'https://feed.invalid/rss' }));
      }
      const ids = async (folder: string): Promise<string[]> => (await articles.listArticleRefsUnder(folder)).map((ref) => ref.id);
      expect(await ids('/corpus/world')).toEqual(['one', 'two']);
      expect(await ids('/corpus/world/')).toEqual(['one', 'two']);
      expect(await ids('/corpus/world/one.md')).toEqual(['one']);
      expect(await ids('/corpus/world_100%')).toEqual(['odd']);
      expect((await articles.listArticleRefs()).map((ref) => ref.id)).toEqual(['feed', 'odd', 'one', 'sibling', 'two']);
    });

    it('ranks BM25 hits best first, counts title words for every passage, and applies source, date and excluded-article filters inside the search', async () => {
      const { articles } = await storages.open();
      await put(articles, article('ferry', { title: 'Ferry strike', body: 'Crews walked out. Ferries stayed in port. The strike ended at night.', source: 'Harbour Times', published: '2031-05-03' }));
      await put(articles, article('tram', { title: 'Tram line', body: 'The tram line opened. A strike was averted.', source: 'City Wire', published: '2031-06-01' }));
      await put(articles, article('undated', { body: 'A strike notice circulated.', source: 'City Wire', published: null }));
      const hits = await articles.lexicalSearch('ferry strike', 10);
      expect(hits.length).toBeGreaterThanOrEqual(3);
      expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
      const ferryPassages = new Set((await articles.getArticlePassages('ferry')).map((passage) => passage.id));
      // The title holds both words, so every ferry passage beats the other articles' single-word passages.
      expect(hits.slice(0, 3).every((hit) => ferryPassages.has(hit.passageId))).toBe(true);
      const articleOf = async (filters: Parameters<typeof articles.lexicalSearch>[2]): Promise<string[]> => {
        const found = await articles.getPassages((await articles.lexicalSearch('strike', 10, filters)).map((hit) => hit.passageId));
        return [...new Set(found.map((passage) => passage.articleId))].sort();
      };
      expect(await articleOf({ sources: ['city wire'] })).toEqual(['tram', 'undated']);
      expect(await articleOf({ from: '2031-05-10' })).toEqual(['tram']);
      expect(await articleOf({ to: '2031-05-03' })).toEqual(['ferry']);
      expect(await articleOf({ sources: ['Nobody'] })).toEqual([]);
      expect(await articleOf({ excludeArticleIds: ['ferry', 'nowhere'] })).toEqual(['tram', 'undated']);
      expect(await articleOf({ excludeArticleIds: ['tram'], sources: ['City Wire'] })).toEqual(['undated']);
      expect(await articleOf({ excludeArticleIds: [] })).toEqual(['ferry', 'tram', 'undated']);
      expect(await articles.lexicalSearch('   ', 10)).toEqual([]);
      expect(await articles.lexicalSearch('"unbalanced AND (', 10)).toEqual([]);
    });

    it('reports in how many passages each word occurs, and how many passages there are', async () => {
      const { articles } = await storages.open();
      await put(articles, article('a', { title: 'Notes', body: 'Harbour cranes moved. Harbour fees rose. Rain fell.' }));
      const { passages, counts } = await articles.documentFrequencies(['harbour', 'rain', 'absent']);
      expect(passages).toBe(3);
      expect(counts).toEqual(new Map([['harbour', 2], ['rain', 1], ['absent', 0]]));
    });
  });
}
