import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from '../config/schema.js';
import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import type { Generator } from '../core/generator.js';
import { corpusTermWeights } from '../answer/corpus-term-weights.js';
import { ExtractiveGenerator } from '../answer/extractive-generator.js';
import { loadStanceClassifier } from '../disputes/stance-classifier.js';
import { isLlmConfigured } from '../config/is-llm-configured.js';
import { removeIndexLeftovers } from '../providers/hnsw-vector-index.js';
import { openConsistentIndex } from '../providers/index-consistency.js';
import { SqliteArticleStore } from '../providers/sqlite-article-store.js';
import { WriteLock, type WriteLockHolder } from '../providers/write-lock.js';
import { UserFacingError } from '../core/errors.js';
import { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import type { StoryService } from '../stories/story-service.js';
import { reembedStore } from './reembed-store.js';
import type { Logger } from './logger.js';
import { Storydesk } from './storydesk.js';
import { createEmbedder } from './create-embedder.js';
import { LiveVectorIndex } from './live-vector-index.js';
import { WriteSessions } from './write-sessions.js';

export interface OpenStorydeskOptions {
  dataDir: string;
  env: Env;
  logger: Logger;
  /** Replaces the configured embedder (tests, benchmarks). */
  embedder?: Embedder;
  /** Replaces the configured generator. */
  generator?: Generator;
  /**
   * Load the story service (its clustering state and the catch-up). Questions and searches do not need it,
   * and at 10,000 articles it costs about 0.7 s of start-up. @default true
   */
  stories?: boolean;
  /** Reports re-embedding progress when the embedder changed. */
  onReembedProgress?: (done: number, total: number) => void;
  /**
   * `reader` (ask, search) never takes the data folder's write lock and writes nothing: it answers from the
   * index as last saved. `writer` takes the lock for each write (waiting, or failing per `waitForWriter`).
   * @default 'writer'
   */
  role?: 'reader' | 'writer';
  /** A writer that finds another process writing queues behind it (true) or fails with `STORE_LOCKED`. @default true */
  waitForWriter?: boolean;
  /** Take the write lock at open and keep it until `close` (a CLI ingest), rather than per write. @default false */
  holdWriteLock?: boolean;
  /** How this process is named in the lock file, for the message another process shows. @default the command line */
  command?: string;
  /** Called when a write waits for another process, with who holds the lock. */
  onWaitForWriter?: (holder: WriteLockHolder) => void;
}

/**
 * The composition root for the core: opens the store in `dataDir`, makes sure the vector index matches it
 * (repairing it from stored vectors after a crash), and re-embeds when the embedder changed.
 */
export async function openStorydesk(options: OpenStorydeskOptions): Promise<Storydesk> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = new WriteLock(join(dataDir, 'write.lock'), options.command ?? defaultCommand());
  const role = options.role ?? 'writer';
  const wait = options.waitForWriter ?? true;
  const onWait = options.onWaitForWriter;
  // Start-up may write (repair the index, re-embed, assign stories): a writer does it under the lock; a reader
  // never writes, and answers from the index as last saved (the next writer patches in what it lacks).
  if (role === 'writer') await lock.acquire({ wait, ...(onWait ? { onWait } : {}) });
  try {
    const storydesk = await openWith(options, dataDir, lock, wait);
    if (!options.holdWriteLock) lock.release();
    return storydesk;
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openWith(options: OpenStorydeskOptions, dataDir: string, lock: WriteLock, wait: boolean): Promise<Storydesk> {
  const writable = lock.held;
  const store: ArticleStore = SqliteArticleStore.open(join(dataDir, 'storydesk.sqlite'));
  const embedder = options.embedder ?? (await createEmbedder(options.env));
  const indexPath = join(dataDir, 'passages.hnsw');
  if (writable) removeIndexLeftovers(indexPath);

  // The marker file survives a crash half-way through re-embedding, so the next start finishes the job.
  const reembedMarker = join(dataDir, 'reembed-pending');
  const previous = store.getEmbedderInfo();
  const changed = previous !== null && (previous.id !== embedder.id || previous.dimension !== embedder.dimension);
  const reembed = (changed || existsSync(reembedMarker)) && store.counts().passages > 0;
  if (!writable && reembed) {
    store.close();
    throw new UserFacingError(
      'store_reembedding',
      `The store in ${dataDir} must be re-embedded for ${embedder.id} before it can answer: run ingest on it (or start the bot) once.`,
    );
  }
  if (writable && (previous === null || changed)) store.setEmbedderInfo({ id: embedder.id, dimension: embedder.dimension });
  if (reembed) {
    writeFileSync(reembedMarker, embedder.id);
    options.logger.warn(
      { from: previous?.id, to: embedder.id },
      `The embedder changed to ${embedder.id}: re-embedding all ${store.counts().passages} passages so vectors are never mixed.`,
    );
    await reembedStore(store, embedder, options.onReembedProgress);
    rmSync(reembedMarker, { force: true });
  }

  // The index file (200 MB at 10,000 articles) is read on the thread pool while the rest is set up.
  const indexReady = openConsistentIndex(store, indexPath, embedder.dimension, { readOnly: !writable });
  indexReady.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled

  // The OpenAI SDK is loaded only when a model is configured, to keep start-up fast offline.
  const llm = isLlmConfigured(options.env)
    ? { ...(await import('../answer/llm/create-llm-generator.js')), ...(await import('./follow-up-rewriter.js')) }
    : undefined;
  // One stance engine judges contradictions and confirmations in answers and in stories alike; with a model
  // configured, the model re-judges its agree/disagree calls.
  const offlineStance = loadStanceClassifier();
  const stance =
    llm && options.env.OPENAI_STANCE_JUDGE
      ? llm.createLlmStanceJudge(options.env, offlineStance, (reason) => options.logger.warn({ reason }, 'The stance judge model failed; kept the offline verdicts.'))
      : offlineStance;
  // Stories share the database file; the catch-up assigns articles stored before stories existed (or missed).
  let stories: StoryService | undefined;
  // After an embedder change the stories are re-profiled now, whatever the caller needs, so no old vectors linger.
  if (options.stories !== false || (changed && writable)) {
    // Loaded only here, so a question or search does not load the clustering code.
    const [{ StoryService }, { SqliteStoryStore }, { SqliteClaimStore }] = await Promise.all([
      import('../stories/story-service.js'),
      import('../providers/sqlite-story-store.js'),
      import('../providers/sqlite-claim-store.js'),
    ]);
    const databasePath = join(dataDir, 'storydesk.sqlite');
    stories = new StoryService({
      store,
      storyStore: SqliteStoryStore.open(databasePath),
      claimStore: SqliteClaimStore.open(databasePath),
      embedder,
      stanceClassifier: stance,
    });
    // Only the writer assigns; a reader sees the stories as the writer leaves them.
    if (writable) await stories.sync({ reprofileAll: changed });
  }

  const extractive = new ExtractiveGenerator({ termWeights: corpusTermWeights(store), stance });
  const { index: opened, repaired, reason } = await indexReady;
  if (repaired) options.logger.warn({ reason }, 'The vector index did not match the database; it was repaired from the stored vectors.');
  const index = new LiveVectorIndex(opened);
  const sessions = new WriteSessions({
    lock,
    index,
    store,
    indexPath,
    dimension: embedder.dimension,
    logger: options.logger,
    wait,
    ...(options.onWaitForWriter ? { onWait: options.onWaitForWriter } : {}),
  });
  const generator = options.generator ?? (llm ? llm.createLlmGenerator(options.env, extractive) : extractive);
  const rewriteQuestion = llm ? llm.followUpRewriter(options.env) : undefined;
  return new Storydesk({
    store,
    index,
    embedder,
    retriever: new HybridRetriever(store, index, embedder),
    generator,
    maxQuestionChars: options.env.STORYDESK_MAX_QUESTION_CHARS,
    sessions,
    checkpointSeconds: options.env.STORYDESK_CHECKPOINT_SECONDS,
    ...(stories ? { stories } : {}),
    ...(rewriteQuestion ? { rewriteQuestion } : {}),
  });
}

/** `storydesk <command line>`, as another process's lock message shows it. */
function defaultCommand(): string {
  const script = process.argv[1] ?? '';
  const name = script.endsWith('cli/main.ts') || script.endsWith('cli/main.js') ? 'storydesk' : script.endsWith('main.ts') || script.endsWith('main.js') ? 'storydesk bot' : 'storydesk';
  return [name, ...process.argv.slice(2)].join(' ').slice(0, 200);
}
