import type { Answer } from '../core/answer.js';
import type { Article } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { AskOptions, Assistant } from '../core/assistant.js';
import type { Embedder } from '../core/embedder.js';
import { UserFacingError } from '../core/errors.js';
import type { Evidence, GenerateRequest, Generator } from '../core/generator.js';
import type { SearchHit, SearchOptions } from '../core/search.js';
import type { Storage } from '../core/storage.js';
import type { Passage } from '../core/passage.js';
import type { VectorIndex } from '../core/vector-index.js';
import type { IngestReport } from '../ingest/ingest-corpus.js';
import type { HybridRetriever, RetrievalMode } from '../retrieval/hybrid-retriever.js';
import type { StoryService } from '../stories/story-service.js';
import type { StoryUpdates } from './story-clustering-leader.js';
import type { QuestionRewriter } from './follow-up-rewriter.js';
import { standaloneQuestion } from './standalone-question.js';
import { cleanQuestion } from '../answer/clean-question.js';

export interface StorydeskParts {
  /** Everything stored; `store` is its article store. Closed with the Storydesk. */
  storage: Storage;
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  retriever: HybridRetriever;
  generator: Generator;
  maxQuestionChars: number;
  /** Keeps articles grouped into stories as they are indexed and removed. */
  stories?: StoryService;
  /**
   * Where indexing reports stored and removed articles (the story-clustering leader, which assigns them here or
   * leaves them to the process that leads). @default assigned by `stories` directly
   */
  storyUpdates?: StoryUpdates;
  /** Rewrites thread follow-ups into standalone questions (with a language model); a heuristic otherwise. */
  rewriteQuestion?: QuestionRewriter;
  /** Seconds between index saves during a long ingest, so a kill loses a bounded tail. @default 30 */
  checkpointSeconds?: number;
}

/** Passages retrieved to answer a question. */
const EVIDENCE_PASSAGES = 8;
/** Articles whose other passages are scanned for denials and failed verifications. */
const CONTEXT_ARTICLES = 3;

/**
 * Passages (a sentence or two each) of one context article read at most, those nearest its retrieved passages:
 * all of most news articles (26 in the median eval article, 42 at the 75th percentile), about 15,000 characters
 * of a live blog or transcript of several hundred, whose every sentence would otherwise be read for disputes on
 * each ask (the slowest asks read 1,000 to 2,000 sentences; with the cap the eval's p95 went from 80 to 51 ms).
 */
const CONTEXT_PASSAGES_PER_ARTICLE = 60;

/** The article's passages not already retrieved, nearest to the retrieved ones first, in reading order. */
function nearestPassages(passages: Passage[], retrievedOrdinals: number[], used: ReadonlySet<number>): Passage[] {
  const distance = (passage: Passage): number => Math.min(...retrievedOrdinals.map((ordinal) => Math.abs(ordinal - passage.ordinal)));
  return passages
    .filter((passage) => !used.has(passage.id))
    .sort((a, b) => distance(a) - distance(b) || a.ordinal - b.ordinal)
    .slice(0, CONTEXT_PASSAGES_PER_ARTICLE)
    .sort((a, b) => a.ordinal - b.ordinal);
}

/** The use cases of storydesk behind one object: ingest, search and ask. Channels see only `Assistant`. */
export class Storydesk implements Assistant {
  readonly storage: Storage;
  readonly store: ArticleStore;
  readonly index: VectorIndex;
  readonly embedder: Embedder;
  readonly retriever: HybridRetriever;
  readonly generator: Generator;
  readonly stories: StoryService | undefined;
  /** Where indexed and removed articles go to be placed in stories; undefined without stories. */
  readonly storyUpdates: StoryUpdates | undefined;
  readonly #maxQuestionChars: number;
  readonly #rewriteQuestion: QuestionRewriter | undefined;
  readonly #checkpointSeconds: number;

  constructor(parts: StorydeskParts) {
    this.storage = parts.storage;
    this.store = parts.store;
    this.index = parts.index;
    this.embedder = parts.embedder;
    this.retriever = parts.retriever;
    this.generator = parts.generator;
    this.#maxQuestionChars = parts.maxQuestionChars;
    this.#rewriteQuestion = parts.rewriteQuestion;
    this.stories = parts.stories;
    const stories = parts.stories;
    this.storyUpdates =
      parts.storyUpdates ?? (stories ? { indexed: (articles) => stories.assign(articles), removed: (ids) => stories.remove(ids) } : undefined);
    this.#checkpointSeconds = parts.checkpointSeconds ?? 30;
  }

  /**
   * Runs `task` as the storage's only writer (`Storage.write`; on SQLite the data folder's write lock): waits for, or refuses, another
   * process's write, and saves the index afterwards. Every change to the store and index goes through here.
   */
  write<T>(task: () => Promise<T>): Promise<T> {
    return this.storage.write(task);
  }

  /** Loads the index another process saved since this one last looked; true when it changed. */
  refresh(): Promise<boolean> {
    return this.storage.refresh();
  }

  /** Indexes files and folders incrementally. */
  async ingest(paths: string[], onProgress?: (done: number, total: number) => void): Promise<IngestReport> {
    // Loaded on first use: the parsers (linkedom, readability, gray-matter) are a third of a question's start-up.
    const { ingestCorpus } = await import('../ingest/ingest-corpus.js');
    const updates = this.storyUpdates;
    const storyHooks = updates
      ? { onIndexed: (articles: Article[]) => updates.indexed(articles), onRemoved: (ids: string[]) => updates.removed(ids) }
      : {};
    return this.write(() =>
      ingestCorpus(paths, {
        store: this.store,
        index: this.index,
        embedder: this.embedder,
        checkpointMs: this.#checkpointSeconds * 1000,
        ...storyHooks,
        ...(onProgress ? { onProgress } : {}),
      }),
    );
  }

  /** Ranked passages for a query. */
  search(query: string, options: SearchOptions = {}, mode: RetrievalMode = 'hybrid'): Promise<SearchHit[]> {
    return this.retriever.search(this.#checkQuestion(query), options, mode);
  }

  /** A cited answer, abstaining when the articles do not answer the question. */
  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const request = await this.gatherEvidence(question, options);
    const answer = await this.generator.generate(request);
    return { ...answer, question: question.trim() };
  }

  /** Retrieves the evidence for a question and the rest of its top articles (where denials usually sit). */
  async gatherEvidence(question: string, options: AskOptions = {}): Promise<GenerateRequest> {
    // Mentions, broadcasts, links and emoji are not words the articles could hold.
    const checked = cleanQuestion(this.#checkQuestion(question)) || this.#checkQuestion(question);
    const history = options.history ?? [];
    const query = this.#rewriteQuestion && history.length > 0 ? await this.#rewriteQuestion(checked, history) : standaloneQuestion(checked, history);
    const hits = await this.retriever.search(query, { k: EVIDENCE_PASSAGES, ...(options.filters ? { filters: options.filters } : {}) });
    const bodies = new Map<string, string>();
    for (const articleId of new Set(hits.map((hit) => hit.article.id))) bodies.set(articleId, (await this.store.getArticle(articleId))?.body ?? '');
    const bodyOf = (articleId: string): string => bodies.get(articleId) ?? '';
    const evidence: Evidence[] = hits.map((hit) => ({ passage: hit.passage, article: hit.article, body: bodyOf(hit.article.id), score: hit.score }));
    const used = new Set(hits.map((hit) => hit.passage.id));
    const contextArticles = [...new Map(hits.map((hit) => [hit.article.id, hit.article])).values()].slice(0, CONTEXT_ARTICLES);
    const context: Evidence[] = [];
    for (const article of contextArticles) {
      const retrieved = hits.filter((hit) => hit.article.id === article.id).map((hit) => hit.passage.ordinal);
      // Every passage that can be among the nearest: within the cap plus the retrieved ones skipped on either side.
      const near = { ordinals: retrieved, within: CONTEXT_PASSAGES_PER_ARTICLE + EVIDENCE_PASSAGES };
      for (const passage of nearestPassages(await this.store.getArticlePassages(article.id, near), retrieved, used)) {
        context.push({ passage, article, body: bodyOf(article.id), score: 0 });
      }
    }
    // Without a time of asking (the CLI and the terminal chat, which also replay archives) "this week" is not judged.
    return { question: query, history, evidence, context, ...(options.askedAt ? { askedAt: options.askedAt.toISOString() } : {}) };
  }

  /** Gives up the story-clustering role, makes everything durable and closes the storage (the vector index first). */
  async close(): Promise<void> {
    try {
      await this.storyUpdates?.close?.();
    } finally {
      await this.storage.close();
    }
  }

  #checkQuestion(question: string): string {
    const trimmed = question.trim();
    if (trimmed.length === 0) throw new UserFacingError('question_empty', 'Please type a question.');
    if (trimmed.length > this.#maxQuestionChars) {
      throw new UserFacingError(
        'question_too_long',
        `That question is ${trimmed.length} characters long; the limit is ${this.#maxQuestionChars}. Please shorten it.`,
      );
    }
    return trimmed;
  }
}
