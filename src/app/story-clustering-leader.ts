import type { Article } from '../core/article.js';
import type { Coordination, Leadership } from '../core/coordination.js';
import type { StoryService } from '../stories/story-service.js';
import type { Logger } from './logger.js';

/** The role whose holder clusters articles into stories. */
export const STORY_CLUSTERING_ROLE = 'story-clustering';
/** Announced by the leader after it changed stories: the others reload them. */
export const STORIES_CHANGED = 'stories';
/** Announced by a process that is not the leader after it stored or removed articles: the leader clusters them. */
export const ARTICLES_CHANGED = 'articles';

/** Where indexing reports articles it stored or removed, so they are placed in stories (or taken out). */
export interface StoryUpdates {
  indexed(articles: Article[]): Promise<void>;
  removed(articleIds: string[]): Promise<void>;
}

export interface StoryClusteringLeaderOptions {
  stories: StoryService;
  coordination: Coordination;
  logger: Logger;
}

/**
 * Clustering is stateful (each process holds the stories in memory), so one process clusters: the holder of
 * the story-clustering role. It assigns the articles it indexes itself and, when told that another process
 * stored articles, catches up (`sync`); after each change it tells the others, who reload the stories. A
 * process that takes the role over reloads and catches up first. All of this runs one step at a time.
 * A catch-up does not take the storage's write role: it writes only story rows, each change set in one
 * transaction, and waiting for the write role here could deadlock behind this process's own ingest (which
 * holds the role while it reports indexed articles into the same queue).
 */
export class StoryClusteringLeader implements StoryUpdates {
  readonly #options: StoryClusteringLeaderOptions;
  readonly #leadership: Leadership;
  readonly #unsubscribes: (() => void)[] = [];
  #queue: Promise<void> = Promise.resolve();
  /** A reload or catch-up already queued and not started covers later notices too. */
  readonly #pending = new Set<'reload' | 'catch-up'>();
  /** Set when the role was just taken over: the stories in memory may predate the previous leader's last writes. */
  #reloadFirst = false;

  private constructor(options: StoryClusteringLeaderOptions, leadership: Leadership) {
    this.#options = options;
    this.#leadership = leadership;
  }

  /** Competes for the role and starts listening; the caller catches up at start when `leading`. */
  static async start(options: StoryClusteringLeaderOptions): Promise<StoryClusteringLeader> {
    const leader = new StoryClusteringLeader(options, await options.coordination.leadership(STORY_CLUSTERING_ROLE));
    try {
      const { coordination } = options;
      leader.#unsubscribes.push(
        await coordination.onChange(STORIES_CHANGED, () => {
          if (!leader.leading) leader.#schedule('reload');
        }),
        await coordination.onChange(ARTICLES_CHANGED, () => {
          if (leader.leading) leader.#schedule('catch-up');
        }),
        leader.#leadership.onChange((leading) => {
          options.logger.info({ role: STORY_CLUSTERING_ROLE, leading }, leading ? 'This process now clusters stories' : 'Another process clusters stories now');
          // What the previous leader did since this process last loaded is in the store: load it, then catch up.
          if (!leading) return;
          leader.#reloadFirst = true;
          leader.#schedule('catch-up');
        }),
      );
    } catch (error) {
      await leader.close();
      throw error;
    }
    return leader;
  }

  /** True while this process clusters stories. */
  get leading(): boolean {
    return this.#leadership.leading;
  }

  async indexed(articles: Article[]): Promise<void> {
    if (articles.length === 0) return;
    await this.#changed(() => this.#options.stories.assign(articles));
  }

  async removed(articleIds: string[]): Promise<void> {
    if (articleIds.length === 0) return;
    await this.#changed(() => this.#options.stories.remove(articleIds));
  }

  /** Tells the other processes the leader changed stories (after a start-up catch-up, say). */
  announceStories(): Promise<void> {
    return this.#options.coordination.notifyChange(STORIES_CHANGED);
  }

  /** Waits for the reloads and catch-ups queued so far (tests, shutdown). */
  settled(): Promise<void> {
    return this.#queue;
  }

  async close(): Promise<void> {
    for (const unsubscribe of this.#unsubscribes.splice(0)) unsubscribe();
    await this.#queue;
    await this.#leadership.release();
  }

  /** The leader applies `change` and announces it; another process leaves it to the leader. */
  async #changed(change: () => Promise<void>): Promise<void> {
    const { coordination } = this.#options;
    if (!this.leading) {
      await coordination.notifyChange(ARTICLES_CHANGED);
      return;
    }
    await this.#enqueue(change);
    await coordination.notifyChange(STORIES_CHANGED);
  }

  #schedule(step: 'reload' | 'catch-up'): void {
    if (this.#pending.has(step)) return;
    this.#pending.add(step);
    const { stories, logger } = this.#options;
    void this.#enqueue(async () => {
      this.#pending.delete(step);
      if (step === 'reload') {
        await stories.reload();
        return;
      }
      if (!this.leading) return;
      if (this.#reloadFirst) await stories.reload();
      this.#reloadFirst = false;
      const report = await stories.sync();
      logger.debug(report, 'Caught up with articles stored by another process');
      await this.announceStories();
    }).catch((error: unknown) => logger.warn({ err: error, step }, 'Keeping stories in step with other processes failed; the next notice retries.'));
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
