import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStore } from '../../src/core/article-store.js';
import type { Storage } from '../../src/core/storage.js';
import { postgresStorageBackend } from '../../src/providers/postgres/postgres-storage-backend.js';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { article, axisVector, put } from '../contracts/article-fixtures.js';
import { contractEmbedder } from '../contracts/storage-factory.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';

const server = testPostgres();

/** Words that tokenizers and stemmers treat differently: acronyms, hyphens, numbers, accents, inflections. */
const articles = [
  article('trade', { title: 'U.S. tariffs on Chinese chips', body: 'The U.S. raised tariffs by 2.4% on Monday. Chipmakers said exports were falling. Officials denied the reports.' }),
  article('health', { title: 'Covid-19 cases rise', body: 'Covid-19 admissions rose in Zürich and Zurich hospitals. Doctors were running out of beds. A spokesperson declined to comment.' }),
  article('cafe', { title: 'Café owners protest', body: "The café's owners protested rent increases. Runners ran past the protest. The city's mayor said nothing." }),
  article('bytedance', { title: 'ByteDance denies Huawei chip report', body: "ByteDance denied training a model on Huawei's Ascend chips. The entire premise is wrong, a spokesperson said." }),
];

const words = ['u.s', 'tariffs', 'tariff', 'chips', 'covid-19', 'zurich', 'zürich', 'café', 'running', 'runners', 'denied', 'deny', 'said', 'the', 'huawei', 'ascend', 'absent'];
const queries = ['U.S. tariffs on chips', 'Did Zurich hospitals run out of beds?', "What did the café's owners protest?", 'Is ByteDance training on Huawei chips?', 'spokesperson denied'];

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('full-text search on PostgreSQL matches SQLite FTS5'), () => {
  let sqlite: SqliteArticleStore;
  let postgres: Storage;
  beforeAll(async () => {
    sqlite = SqliteArticleStore.open(':memory:');
    postgres = await postgresStorageBackend({ url: await createTestDatabase(server.adminUrl ?? ''), poolSize: 2 }).open({
      dataDir: '/nonexistent',
      logger: pino({ level: 'silent' }),
    });
    for (const store of [sqlite, postgres.articles] as ArticleStore[]) {
      await store.setEmbedderInfo(contractEmbedder);
      for (const stored of articles) await put(store, stored, () => axisVector(0));
    }
  });
  afterAll(async () => {
    sqlite.close();
    await postgres.close();
  });

  it('counts the same document frequencies for every word (the IDF weights of the answer path)', async () => {
    expect(await postgres.articles.documentFrequencies(words)).toEqual(await sqlite.documentFrequencies(words));
  });

  it('finds the same passages for each query (the ranking function differs; the matches do not)', async () => {
    const found = async (store: ArticleStore, query: string): Promise<number[]> => (await store.lexicalSearch(query, 50)).map((hit) => hit.passageId).sort((a, b) => a - b);
    for (const query of queries) expect(await found(postgres.articles, query), query).toEqual(await found(sqlite, query));
  });
});
