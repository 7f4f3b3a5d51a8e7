import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from '../app/logger.js';
import type { DigestOutboxRecord, SubscriptionRecord } from '../core/story.js';
import type { SubscriptionStore } from '../core/subscription-store.js';
import { type Digest, isEmptyDigest } from '../stories/digest/digest.js';
import type { DigestSinks } from '../stories/digest/digest-sink.js';
import { dueWindows } from './digest-windows.js';

/** Builds a digest for a window; `DigestBuilder` in the app. */
export interface DigestSource {
  build(subscription: SubscriptionRecord, since: string | null, until: string): Promise<Digest>;
}

export interface DigestSchedulerOptions {
  subscriptions: SubscriptionStore;
  source: DigestSource;
  sinks: DigestSinks;
  logger: Logger;
  /** Post a digest when nothing is new (DIGEST_POST_EMPTY). @default false */
  postEmpty?: boolean;
  /** A window missed while the bot was down: posted once on start-up, or skipped (DIGEST_MISSED_WINDOW). @default 'post' */
  missedWindow?: 'post' | 'skip';
  /** @default () => new Date() */
  now?: () => Date;
  /** @default randomUUID */
  generateId?: () => string;
}

/** What one tick did, per subscription. */
export interface DigestTickReport {
  posted: string[];
  empty: string[];
  skippedMissed: string[];
  failed: string[];
}

/**
 * Posts each subscription's digest exactly once per scheduled window, across restarts and crashes.
 * For the latest due window (window key = its run time, ISO) the digest is built and recorded in the
 * outbox as pending BEFORE it is sent, and marked sent (with the subscription's `lastDigestAt`) after.
 * A pending row found later — a crash or a failed send — is sent from its recorded payload, never rebuilt;
 * the outbox's unique (subscription, window) key means a window can never get a second row. Windows that
 * passed while the bot was down collapse into one digest covering all of them, posted once (or skipped).
 */
export class DigestScheduler {
  readonly #options: DigestSchedulerOptions;
  #cron: Cron | null = null;
  /** Run times before this were missed while the bot was down. */
  #startedAt: Date | null = null;

  constructor(options: DigestSchedulerOptions) {
    this.#options = options;
  }

  /** Resumes unsent digests, handles missed windows, then checks every minute for due windows. */
  async start(): Promise<DigestTickReport> {
    this.#startedAt = this.#now();
    const report = await this.tick();
    this.#cron = new Cron('* * * * *', { protect: true }, async () => {
      try {
        await this.tick();
      } catch (error) {
        this.#options.logger.error({ err: error }, 'Digest tick failed');
      }
    });
    return report;
  }

  stop(): void {
    this.#cron?.stop();
    this.#cron = null;
  }

  /** Sends pending outbox rows, then builds and sends the digests whose window is due. */
  async tick(): Promise<DigestTickReport> {
    const report: DigestTickReport = { posted: [], empty: [], skippedMissed: [], failed: [] };
    const { subscriptions } = this.#options;
    for (const pending of await subscriptions.listOutbox('pending')) {
      const subscription = await subscriptions.getSubscription(pending.subscriptionId);
      if (!subscription?.active) continue;
      await this.#send(subscription, pending, report);
    }
    for (const subscription of await subscriptions.listSubscriptions({ activeOnly: true })) {
      try {
        await this.#runSubscription(subscription, report);
      } catch (error) {
        report.failed.push(subscription.id);
        this.#options.logger.error({ err: error, subscription: subscription.id }, 'Digest could not be built');
      }
    }
    return report;
  }

  /**
   * Posts an on-demand digest (the CLI without --dry-run) through the same outbox, under a `manual:` window
   * key, and moves `lastDigestAt` to its end so the next scheduled digest does not repeat it.
   * Returns false when the platform has no sink or the send failed (the row then stays pending).
   */
  async postNow(subscription: SubscriptionRecord, digest: Digest): Promise<boolean> {
    const report: DigestTickReport = { posted: [], empty: [], skippedMissed: [], failed: [] };
    if (!this.#options.sinks[subscription.platform]) return false;
    const record: DigestOutboxRecord = {
      id: this.#generateId(),
      subscriptionId: subscription.id,
      windowKey: `manual:${digest.until}`,
      payload: digest,
      status: 'pending',
      createdAt: this.#now().toISOString(),
      sentAt: null,
    };
    if (!(await this.#options.subscriptions.insertOutbox(record))) return false;
    await this.#send(subscription, record, report);
    return report.posted.length > 0;
  }

  async #runSubscription(subscription: SubscriptionRecord, report: DigestTickReport): Promise<void> {
    const { subscriptions, logger } = this.#options;
    const now = this.#now();
    const after = new Date(subscription.lastDigestAt ?? subscription.createdAt);
    const { latest, count } = dueWindows(subscription.cron, subscription.timezone, after, now);
    if (latest === null) return;
    const windowKey = latest.toISOString();
    const existing = await subscriptions.getOutbox(subscription.id, windowKey);
    if (existing) {
      // Sent already (the crash came before lastDigestAt moved) or pending (sent above): never a second row.
      if (existing.status === 'sent') await subscriptions.setLastDigestAt(subscription.id, windowKey);
      return;
    }
    const missed = this.#startedAt !== null && latest.getTime() < this.#startedAt.getTime();
    if (missed && (this.#options.missedWindow ?? 'post') === 'skip') {
      logger.warn({ subscription: subscription.id, windows: count, latest: windowKey }, 'Digest windows missed while the bot was down were skipped (DIGEST_MISSED_WINDOW=skip)');
      await subscriptions.setLastDigestAt(subscription.id, windowKey);
      report.skippedMissed.push(subscription.id);
      return;
    }
    const digest = await this.#options.source.build(subscription, subscription.lastDigestAt ?? subscription.createdAt, windowKey);
    if (isEmptyDigest(digest) && !(this.#options.postEmpty ?? false)) {
      await subscriptions.setLastDigestAt(subscription.id, windowKey);
      report.empty.push(subscription.id);
      return;
    }
    const record: DigestOutboxRecord = {
      id: this.#generateId(),
      subscriptionId: subscription.id,
      windowKey,
      payload: digest,
      status: 'pending',
      createdAt: now.toISOString(),
      sentAt: null,
    };
    if (!(await subscriptions.insertOutbox(record))) return;
    if (missed) logger.info({ subscription: subscription.id, windows: count, latest: windowKey }, 'Posting one digest for windows missed while the bot was down');
    await this.#send(subscription, record, report);
  }

  async #send(subscription: SubscriptionRecord, record: DigestOutboxRecord, report: DigestTickReport): Promise<void> {
    const { subscriptions, logger } = this.#options;
    const sink = this.#options.sinks[subscription.platform];
    if (!sink) {
      logger.warn({ subscription: subscription.id, platform: subscription.platform }, 'No digest sink for this platform; the digest stays pending');
      return;
    }
    try {
      await sink.post(subscription, record.payload as Digest);
    } catch (error) {
      report.failed.push(subscription.id);
      logger.warn({ err: error, subscription: subscription.id, window: record.windowKey }, 'Digest send failed; it stays pending and is retried');
      return;
    }
    await subscriptions.markDigestSent({
      outboxId: record.id,
      subscriptionId: subscription.id,
      sentAt: this.#now().toISOString(),
      windowEnd: record.windowKey.replace(/^manual:/, ''),
    });
    report.posted.push(subscription.id);
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }

  #generateId(): string {
    return (this.#options.generateId ?? randomUUID)();
  }
}
