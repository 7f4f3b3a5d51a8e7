import { resolve } from 'node:path';
import type { Env } from '../config/schema.js';
import type { Embedder } from '../core/embedder.js';
import type { Generator } from '../core/generator.js';
import type { Storage, StorageBackend, WriterInfo } from '../core/storage.js';
import { corpusTermWeights } from '../answer/corpus-term-weights.js';
import { ExtractiveGenerator } from '../answer/extractive-generator.js';
import { loadStanceClassifier } from '../disputes/stance-classifier.js';
import { isLlmConfigured } from '../config/is-llm-configured.js';
import { UserFacingError } from '../core/errors.js';
import { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import type { StoryService } from '../stories/story-service.js';
import { reembedStore } from './reembed-store.js';
import { StoryClusteringLeader } from './story-clustering-leader.js';
import type { Logger } from './logger.js';
import { Storydesk } from './storydesk.js';
import { createEmbedder } from './create-embedder.js';
import { storageBackendFor } from './storage-backends.js';

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
  /** Where everything is stored. @default the backend the config selects (`storageBackendFor`): SQLite + hnswlib in `dataDir` */
  backend?: StorageBackend;
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
  onWaitForWriter?: (holder: WriterInfo) => void;
}

/**
 * The composition root for the core: opens the storage backend over `dataDir` (a writer takes the writer's
 * role for start-up), makes sure the vector index matches the stored vectors (a derived index repairs itself
 * after a crash), and re-embeds when the embedder changed. The CLI, the bot and the scheduler
 * (`createStoryScheduling`) all build on what this returns.
 */
export async function openStorydesk(options: OpenStorydeskOptions): Promise<Storydesk> {
  // The backend creates the data directory if it keeps files there; a database backend never touches it.
  const dataDir = resolve(options.dataDir);
  const storage = await (options.backend ?? storageBackendFor(options.env)).open({
    dataDir,
    logger: options.logger,
    command: options.command ?? defaultCommand(),
    ...(options.role ? { role: options.role } : {}),
    ...(options.waitForWriter !== undefined ? { waitForWriter: options.waitForWriter } : {}),
    ...(options.holdWriteLock !== undefined ? { holdWriteLock: options.holdWriteLock } : {}),
    ...(options.onWaitForWriter ? { onWaitForWriter: options.onWaitForWriter } : {}),
  });
  try {
    const storydesk = await assemble(storage, dataDir, options);
    storage.endStartup();
    return storydesk;
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
}

async function assemble(storage: Storage, dataDir: string, options: OpenStorydeskOptions): Promise<Storydesk> {
  const store = storage.articles;
  const writable = storage.writable;
  const embedder = options.embedder ?? (await createEmbedder(options.env));

  // The marker survives a crash half-way through re-embedding, so the next start finishes the job.
  const previous = await store.getEmbedderInfo();
  const changed = previous !== null && (previous.id !== embedder.id || previous.dimension !== embedder.dimension);
  const { passages } = await store.counts();
  const reembed = (changed || (await storage.reembedMarker.read()) !== null) && passages > 0;
  if (!writable && reembed) {
    throw new UserFacingError(
      'store_reembedding',
      `The store in ${dataDir} must be re-embedded for ${embedder.id} before it can answer: run ingest on it (or start the bot) once.`,
    );
  }
  if (writable && (previous === null || changed)) await store.setEmbedderInfo({ id: embedder.id, dimension: embedder.dimension });
  if (reembed) {
    await storage.reembedMarker.write(embedder.id);
    options.logger.warn(
      { from: previous?.id, to: embedder.id },
      `The embedder changed to ${embedder.id}: re-embedding all ${passages} passages so vectors are never mixed.`,
    );
    await reembedStore(store, embedder, options.onReembedProgress);
    await storage.reembedMarker.clear();
  }

  // The index file (200 MB at 10,000 articles) is read on the thread pool while the rest is set up.
  const indexReady = storage.openVectorIndex(embedder.dimension);
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
  // The catch-up assigns articles stored before stories existed (or missed).
  let stories: StoryService | undefined;
  let leader: StoryClusteringLeader | undefined;
  // After an embedder change the stories are re-profiled now, whatever the caller needs, so no old vectors linger.
  if (options.stories !== false || (changed && writable)) {
    // Loaded only here, so a question or search does not load the clustering code.
    const { StoryService } = await import('../stories/story-service.js');
    stories = await StoryService.open({ store, storyStore: storage.stories, claimStore: storage.claims, embedder, stanceClassifier: stance });
    // Only a writer assigns, and among writers sharing the storage only the clustering leader (the others
    // reload what it writes); a reader sees the stories as the leader leaves them.
    if (writable) {
      leader = await StoryClusteringLeader.start({ stories, coordination: storage.coordination, logger: options.logger });
      try {
        // An embedder change is re-profiled here whoever leads: this process re-embedded, the vectors are new.
        if (leader.leading || changed) {
          const report = await stories.sync({ reprofileAll: changed });
          if (report.assigned + report.removed > 0) await leader.announceStories();
        }
      } catch (error) {
        await leader.close().catch(() => undefined);
        throw error;
      }
    }
  }

  const extractive = new ExtractiveGenerator({ termWeights: corpusTermWeights(store), stance });
  const { index, repaired, reason } = await indexReady;
  if (repaired) options.logger.warn({ reason }, 'The vector index did not match the database; it was repaired from the stored vectors.');
  const generator = options.generator ?? (llm ? llm.createLlmGenerator(options.env, extractive) : extractive);
  const rewriteQuestion = llm ? llm.followUpRewriter(options.env) : undefined;
  return new Storydesk({
    storage,
    store,
    index,
    embedder,
    retriever: new HybridRetriever(store, index, embedder),
    generator,
    maxQuestionChars: options.env.STORYDESK_MAX_QUESTION_CHARS,
    checkpointSeconds: options.env.STORYDESK_CHECKPOINT_SECONDS,
    ...(stories ? { stories } : {}),
    ...(leader ? { storyUpdates: leader } : {}),
    ...(rewriteQuestion ? { rewriteQuestion } : {}),
  });
}

/** `storydesk <command line>`, as another process's lock message shows it. */
function defaultCommand(): string {
  const script = process.argv[1] ?? '';
  const name = script.endsWith('cli/main.ts') || script.endsWith('cli/main.js') ? 'storydesk' : script.endsWith('main.ts') || script.endsWith('main.js') ? 'storydesk bot' : 'storydesk';
  return [name, ...process.argv.slice(2)].join(' ').slice(0, 200);
}
