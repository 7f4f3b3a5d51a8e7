import type { Article, ArticleInput } from '../../src/core/article.js';
import type { ArticleStore } from '../../src/core/article-store.js';
import type { Embedder } from '../../src/core/embedder.js';
import type { PassageDraft, SentenceSpan } from '../../src/core/passage.js';
import { extractClaims } from '../../src/disputes/claims.js';
import { articleContentHash } from '../../src/ingest/content-hash.js';
import { segmentSentences } from '../../src/ingest/segment-sentences.js';
import type { StoryArticle } from '../../src/stories/story-articles.js';

/** A clearly fictional article: `event` says which story it belongs to, for checking the clustering. */
export interface FixtureArticle {
  id: string;
  event: string;
  title: string;
  source: string | null;
  published: string | null;
  body: string;
}

/**
 * Three fictional events, each covered by several outlets in their own words, plus unrelated one-offs.
 * The harbour story carries a claim and a spokesperson's denial, for disputes.
 */
export const FIXTURE_ARTICLES: FixtureArticle[] = [
  {
    id: 'quillon-bridge-gazette',
    event: 'bridge',
    title: 'Quillon harbour bridge closed after cracks found in main span',
    source: 'The Quillon Gazette',
    published: '2031-03-03',
    body: 'Engineers closed the Quillon harbour bridge on Monday after inspectors found deep cracks in its main steel span, the Quillon Transit Authority said.\n\nAbout 40,000 vehicles cross the bridge each day. Ferries will run every ten minutes while the span is assessed.\n\nThe bridge was last repaired in 2024. Sources told the Gazette that the Ellery Steelworks supplied faulty bolts for that repair.',
  },
  {
    id: 'quillon-bridge-herald',
    event: 'bridge',
    title: 'Cracked span shuts Quillon harbour crossing',
    source: 'Harbour Herald',
    published: '2031-03-04',
    body: 'The Quillon harbour bridge will stay shut for weeks after cracks were discovered in the main span, the Quillon Transit Authority confirmed on Tuesday.\n\nCommuters queued for extra ferries across the harbour. Officials said the steel span could need a full replacement.\n\nA spokesperson for Ellery Steelworks denied that its bolts were faulty, calling the claim baseless.',
  },
  {
    id: 'quillon-bridge-courier',
    event: 'bridge',
    title: 'Quillon bridge closure: what commuters need to know',
    source: 'Velmont Courier',
    published: '2031-03-05',
    body: 'With the Quillon harbour bridge closed because of cracks in its main span, the Quillon Transit Authority has added ferries and buses.\n\nThe authority said inspectors would decide within two weeks whether the cracked steel span can be repaired or must be replaced.',
  },
  {
    id: 'velmont-solar-gazette',
    event: 'solar',
    title: 'Velmont approves giant solar farm on old airfield',
    source: 'The Quillon Gazette',
    published: '2031-03-10',
    body: 'The Velmont regional council approved a 300-hectare solar farm on the disused Velmont airfield on Wednesday, by a vote of 9 to 4.\n\nThe Brightfield Energy project will power about 60,000 homes. Construction starts in the autumn.',
  },
  {
    id: 'velmont-solar-herald',
    event: 'solar',
    title: 'Council backs Brightfield solar plan for Velmont airfield',
    source: 'Harbour Herald',
    published: '2031-03-11',
    body: 'Brightfield Energy won approval from the Velmont regional council to cover the old Velmont airfield with solar panels.\n\nCouncillors voted 9 to 4 for the farm, which is expected to supply electricity to 60,000 homes. Opponents worried about the loss of grassland birds.',
  },
  {
    id: 'marlow-chess',
    event: 'chess',
    title: 'Marlow Bay teenager wins national chess title',
    source: 'Marlow Bay Bulletin',
    published: '2031-03-12',
    body: 'Fifteen-year-old Ada Penhallow of Marlow Bay won the national junior chess championship on Sunday, beating the top seed in a tense final game.\n\nShe learned chess at the Marlow Bay library club and plans to study mathematics.',
  },
  {
    id: 'eastwick-bakery',
    event: 'bakery',
    title: 'Eastwick Falls bakery celebrates 100 years of sourdough',
    source: 'Eastwick Weekly',
    published: '2031-02-20',
    body: 'The Crumb and Crust bakery in Eastwick Falls marked its hundredth birthday with free sourdough loaves for every customer.\n\nThe fourth generation of the Oakhill family now runs the ovens, which still burn beech wood.',
  },
];

/** Splits a body into one passage per paragraph, with sentences as offsets: enough for clustering tests. */
export function paragraphPassages(body: string): PassageDraft[] {
  const passages: PassageDraft[] = [];
  for (const match of body.matchAll(/[^\n]+/g)) {
    const start = match.index ?? 0;
    const text = match[0];
    const sentences: SentenceSpan[] = [];
    for (const sentence of text.matchAll(/[^.!?]+[.!?]+/g)) {
      const from = start + (sentence.index ?? 0) + (sentence[0].length - sentence[0].trimStart().length);
      sentences.push({ start: from, end: start + (sentence.index ?? 0) + sentence[0].length });
    }
    passages.push({ ordinal: passages.length, start, end: start + text.length, text, sentences });
  }
  return passages;
}

/** Stores fixture articles in a real article store with vectors from the real embedder; returns them as stored. */
export async function storeFixtures(
  store: ArticleStore,
  embedder: Embedder,
  fixtures: FixtureArticle[],
  overrides: Partial<ArticleInput> = {},
): Promise<Article[]> {
  const stored: Article[] = [];
  for (const fixture of fixtures) {
    const input: ArticleInput = {
      id: fixture.id,
      title: fixture.title,
      titleDerived: false,
      body: fixture.body,
      source: fixture.source,
      url: `https://news.invalid/${fixture.id}`,
      published: fixture.published,
      author: null,
      origin: `/fixtures/${fixture.id}.md`,
      originFile: `/fixtures/${fixture.id}.md`,
      ...overrides,
    };
    const article: Article = { ...input, contentHash: articleContentHash(input), ingestedAt: '2031-04-01T00:00:00.000Z' };
    const passages = paragraphPassages(article.body);
    await store.putArticles([{ article, passages, vectors: await embedder.embedDocuments(passages.map((passage) => passage.text)) }]);
    stored.push(article);
  }
  return stored;
}

/** A story article built in memory (sentences and claims read as ingest reads them), for pure story tests. */
export function storyArticle(id: string, source: string, published: string, body: string): StoryArticle {
  const article: Article = {
    id,
    title: `Title of ${id}`,
    titleDerived: false,
    body,
    source,
    url: `https://news.invalid/${id}`,
    published,
    author: null,
    origin: id,
    originFile: null,
    contentHash: id,
    ingestedAt: `${published}T12:00:00.000Z`,
  };
  const sentences = segmentSentences(body);
  return { article, sentences, claims: extractClaims(body, sentences) };
}
