import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkPassages } from '../../src/ingest/chunk-passages.js';
import { parseFile } from '../../src/ingest/parse-file.js';
import { segmentSentences } from '../../src/ingest/segment-sentences.js';

/** Development data beside the project (see ../shared/README.md); never copied into the repo. */
const corpusPath = join(import.meta.dirname, '../../../shared/data/rtqa_corpus.jsonl');
const hasCorpus = existsSync(corpusPath);
if (!hasCorpus) console.warn(`Skipping the development-corpus parsing test: ${corpusPath} is absent (it lives in ../shared/data).`);

describe.skipIf(!hasCorpus)('parsing the development news corpus (1,284 RealTime QA articles)', () => {
  it('parses every record into clean articles with sentences and bounded passages', async () => {
    const { articles, skipped } = await parseFile(corpusPath);
    expect(skipped).toEqual([]);
    expect(articles.length).toBe(1284);

    const started = performance.now();
    const chunked = articles.map((article) => {
      const spans = segmentSentences(article.body);
      return { article, spans, drafts: chunkPassages(article.body, spans) };
    });
    const elapsed = performance.now() - started;

    let sentences = 0;
    let passages = 0;
    let characters = 0;
    for (const { article, spans, drafts } of chunked) {
      sentences += spans.length;
      passages += drafts.length;
      characters += article.body.length;
      const broken = drafts.filter((passage) => passage.text !== article.body.slice(passage.start, passage.end) || passage.text.length > 1000);
      expect(broken, article.id).toEqual([]);
      // Furniture that is common in this corpus must be gone.
      expect(article.body).not.toMatch(/^(?:Advertisement|Read more:|Related:|Sign up for .*newsletter|CNN —|Contributing: )/m);
    }
    console.info(
      `corpus: ${articles.length} articles, ${characters} characters, ${sentences} sentences, ${passages} passages; ` +
        `segment + chunk ${elapsed.toFixed(0)} ms (${((elapsed / characters) * 5000).toFixed(3)} ms per 5,000 characters)`,
    );
  });
});
