import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentInterface } from '@langchain/core/documents';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { FakeListChatModel, FakeLLM } from '@langchain/core/utils/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { type PassageCitation, StorydeskRetriever } from '../../src/langchain/index.js';
import { articleMarkdown } from '../helpers/fictional-articles.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const FERRY_BODY =
  'The fictional ferry line between Marlow Bay and Port Ellery will stop running in June, the operator said on Monday.\n\nThe operator blamed rising fuel costs. Residents of Port Ellery said the closure would cut them off from the hospital.';
const TRAM_BODY = 'Velmont opened its first tram line on Saturday. The line runs four kilometres from the station to the university.';

describe('storydesk as a LangChain retriever', () => {
  const temp = makeTempDir('storydesk-langchain-');
  let storydesk: Storydesk;

  beforeAll(async () => {
    const corpus = join(temp.path, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'ferry.md'), articleMarkdown('Marlow Bay ferry to close in June', 'The Fictional Gazette', '2031-03-02', FERRY_BODY));
    writeFileSync(join(corpus, 'tram.md'), articleMarkdown('Velmont opens its tram line', 'Velmont Courier', '2031-03-05', TRAM_BODY));
    storydesk = await openTestStorydesk(join(temp.path, 'data'));
    await storydesk.ingest([corpus]);
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  it('returns passages as Documents carrying the citation: title, outlet, date, url, article id and offsets', async () => {
    const retriever = new StorydeskRetriever({ storydesk, k: 3 });
    const documents: DocumentInterface<PassageCitation>[] = await retriever.invoke('Why will the ferry to Port Ellery stop running?');
    const top = documents[0];
    expect(top?.metadata).toMatchObject({ articleId: 'ferry', title: 'Marlow Bay ferry to close in June', source: 'The Fictional Gazette', published: '2031-03-02', url: null });
    expect(top?.pageContent).toContain('ferry line between Marlow Bay and Port Ellery');
    // The offsets point into the article body, as storydesk's own citations do.
    expect(FERRY_BODY.slice(top?.metadata.start, top?.metadata.end)).toBe(top?.pageContent);
    expect(typeof top?.metadata.passageId).toBe('number');
  });

  it('searches only the outlets given as a filter', async () => {
    const retriever = new StorydeskRetriever({ storydesk, k: 5, filters: { sources: ['Velmont Courier'] } });
    const documents = await retriever.invoke('ferry tram line');
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((document) => document.metadata.source === 'Velmont Courier')).toBe(true);
  });

  it('feeds a chain: retrieved passages and their citations reach the model prompt', async () => {
    const retriever = new StorydeskRetriever({ storydesk, k: 2 });
    const formatDocuments = (documents: DocumentInterface<PassageCitation>[]): string =>
      documents.map((document) => `[${document.metadata.source}, ${document.metadata.published}] ${document.pageContent}`).join('\n');
    // FakeLLM answers with the prompt it was given, so the test reads exactly what a model would see.
    const chain = RunnableSequence.from([
      { context: retriever.pipe(formatDocuments), question: new RunnablePassthrough() },
      PromptTemplate.fromTemplate('Answer from these passages only.\n{context}\nQuestion: {question}'),
      new FakeLLM({}),
      new StringOutputParser(),
    ]);
    const prompt = await chain.invoke('When does the ferry stop running?');
    expect(prompt).toContain('[The Fictional Gazette, 2031-03-02] The fictional ferry line between Marlow Bay and Port Ellery will stop running in June');
    expect(prompt).toContain('Question: When does the ferry stop running?');

    const chatChain = RunnableSequence.from([
      { context: retriever.pipe(formatDocuments), question: new RunnablePassthrough() },
      ChatPromptTemplate.fromMessages([['system', 'Cite the outlet.\n{context}'], ['human', '{question}']]),
      new FakeListChatModel({ responses: ['In June, says The Fictional Gazette.'] }),
      new StringOutputParser(),
    ]);
    expect(await chatChain.invoke('When does the ferry stop running?')).toBe('In June, says The Fictional Gazette.');
  });
});
