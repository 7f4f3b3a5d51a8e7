import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { FakeEmbeddings, SyntheticEmbeddings } from '@langchain/core/utils/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openStorydesk } from '../../src/app/open-storydesk.js';
import { loadConfig } from '../../src/config/load-config.js';
import { embedderFromLangChain } from '../../src/langchain/index.js';
import { fictionalArticle } from '../helpers/fictional-articles.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const norm = (vector: number[]): number => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

/** A LangChain embeddings class that names its model, as OpenAIEmbeddings and others do. */
class NamedModelEmbeddings extends Embeddings {
  readonly model = 'news-encoder-small';
  private readonly inner = new SyntheticEmbeddings({ vectorSize: 24 });
  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(texts);
  }
  embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}

describe('a LangChain Embeddings as storydesk embedder', () => {
  const temp = makeTempDir('storydesk-langchain-embedder-');
  afterAll(() => temp.remove());

  it('derives the dimension by embedding one probe and names class and dimension in the id', async () => {
    let calls = 0;
    const synthetic = new SyntheticEmbeddings({ vectorSize: 48 });
    const counting = Object.assign(Object.create(synthetic) as SyntheticEmbeddings, {
      embedQuery: (text: string) => {
        calls += 1;
        return synthetic.embedQuery(text);
      },
    });
    const embedder = await embedderFromLangChain(counting);
    expect(embedder.dimension).toBe(48);
    expect(embedder.id).toBe('langchain:SyntheticEmbeddings:48@1');
    expect(calls).toBe(1);
    expect((await embedderFromLangChain(new FakeEmbeddings({}))).dimension).toBe(4);
    expect((await embedderFromLangChain(new NamedModelEmbeddings({}))).id).toBe('langchain:NamedModelEmbeddings/news-encoder-small:24@1');
    expect((await embedderFromLangChain(new FakeEmbeddings({}), { id: 'my-model@2', dimension: 4 })).id).toBe('my-model@2');
  });

  it('returns unit vectors of its dimension, the same for the same text', async () => {
    const embedder = await embedderFromLangChain(new SyntheticEmbeddings({ vectorSize: 32 }));
    const [first, second] = await embedder.embedDocuments(['The council voted on Tuesday.', 'A storm hit the coast.']);
    expect(first).toHaveLength(32);
    expect(norm(first ?? [])).toBeCloseTo(1, 6);
    expect(norm(second ?? [])).toBeCloseTo(1, 6);
    expect(await embedder.embedQuery('The council voted on Tuesday.')).toEqual(first);
    expect(await embedder.embedDocuments([])).toEqual([]);
  });

  it('refuses a vector of another length instead of corrupting the index', async () => {
    const embedder = await embedderFromLangChain(new FakeEmbeddings({}), { dimension: 8 });
    await expect(embedder.embedQuery('anything')).rejects.toThrow('returned a 4-d vector, not 8-d');
  });

  it('indexes and searches a corpus inside storydesk', async () => {
    const corpus = join(temp.path, 'corpus');
    mkdirSync(corpus);
    for (let index = 0; index < 4; index += 1) writeFileSync(join(corpus, `article-${index}.md`), fictionalArticle(index));
    const embedder = await embedderFromLangChain(new SyntheticEmbeddings({ vectorSize: 64 }));
    const storydesk = await openStorydesk({ dataDir: join(temp.path, 'data'), env: loadConfig({}), logger: createLogger('silent'), embedder });
    try {
      const report = await storydesk.ingest([corpus]);
      expect(report.added).toBe(4);
      const hits = await storydesk.search('Eastwick Falls council vote', { k: 3 }, 'vector');
      expect(hits).toHaveLength(3);
      expect(hits.every((hit) => hit.vectorRank !== null)).toBe(true);
    } finally {
      storydesk.close();
    }
  });
});
