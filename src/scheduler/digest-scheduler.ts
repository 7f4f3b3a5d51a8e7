import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from '../app/logger.js';
import type { DigestOutboxRecord, SubscriptionRecord } from '../core/story.js';
import type { OutboxLease, SubscriptionStore } from '../core/subscription-store.js';
import { type Digest, isEmptyDigest } from '../stories/digest/digest.js';
import type { DigestSinks } from '../stories/digest/digest-sink.js';
import { dueWindows } from './digest-windows.js';
import { leaseOwnerId } from './lease-owner.js';

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
  /** Who this scheduler is to the other replicas posting from the same database. @default leaseOwnerId() (host:pid:random) */
  owner?: string;
  /**
   * How long a window stays this scheduler's while it builds and sends the digest; a replica that dies holding
   * it (kill -9) delays the digest by at most this long, then another replica takes the window over. Longer
   * than a build and a send take. @default 300000 (5 min)
   */
  leaseMs?: number;
}

/** What one tick did, per subscription. */
export interface DigestTickReport {
  posted: string[];
  empty: string[];
  skippedMissed: string[];
  failed: string[];
}

/**
 * Posts each subscription's digest exactly once per scheduled window, across restarts, crashes and replicas
 * sharing one database. For the latest due window (window key = its run time, ISO) the window is first claimed
 * by inserting its outbox row with a lease (the unique (subscription, window) key picks one replica); the lease
 * holder builds the digest, stores it in the row, sends it, and marks it sent (with the subscription's
 * `lastDigestAt`). A pending row whose lease expired — its holder crashed, or a send failed and released it — is
 * taken over by exactly one replica and sent from its recorded payload (built first if it never was).
 * Windows that passed while the bot was down collapse into one digest covering all of them, posted once (or
 * skipped). A holder killed after its post reached the platform but before the row was marked sent is the one
 * case posted twice (the platforms have no idempotency key to make it once).
 */
export class DigestScheduler {
  readonly #options: DigestSchedulerOptions;
  readonly #owner: string;
  #cron: Cron | null = null;
  /** Run times before this were missed while the bot was down. */
  #startedAt: Date | null = null;

  constructor(options: DigestSchedulerOptions) {
    this.#options = options;
    this.#owner = options.owner ?? leaseOwnerId();
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
      if (!subscription?.active || !this.#options.sinks[subscription.platform]) continue;
      // Only a row no lease holds (its holder died, or released it after a failed send) is taken over, by one replica.
      const leased = await subscriptions.leaseOutbox(pending.id, this.#lease());
      if (leased === null) continue;
      try {
        await this.#buildAndSend(subscription, leased, report);
      } catch (error) {
        await subscriptions.releaseOutbox(leased.id, this.#owner);
        report.failed.push(subscription.id);
        this.#options.logger.error({ err: error, subscription: subscription.id }, 'Digest could not be built');
      }
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
    if (!(await this.#options.subscriptions.insertOutbox(record, this.#lease()))) return false;
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
    // Claim the window before building: of the replicas finding it due, one inserts the row and builds.
    const record: DigestOutboxRecord = {
      id: this.#generateId(),
      subscriptionId: subscription.id,
      windowKey,
      payload: null,
      status: 'pending',
      createdAt: now.toISOString(),
      sentAt: null,
    };
    if (!(await subscriptions.insertOutbox(record, this.#lease()))) return;
    if (missed) logger.info({ subscription: subscription.id, windows: count, latest: windowKey }, 'Posting one digest for windows missed while the bot was down');
    try {
      await this.#buildAndSend(subscription, record, report);
    } catch (error) {
      // Released, so the next tick (here or on another replica) tries again rather than waiting out the lease.
      await subscriptions.releaseOutbox(record.id, this.#owner);
      throw error;
    }
  }

  /**
   * Sends a leased row: from its recorded payload, or built now when it has none yet (the payload is stored
   * with the lease renewed, so a replica that lost the lease while building sends nothing). A window with
   * nothing new is dropped, and lastDigestAt moves past it, unless empty digests are posted.
   */
  async #buildAndSend(subscription: SubscriptionRecord, record: DigestOutboxRecord, report: DigestTickReport): Promise<void> {
    const { subscriptions } = this.#options;
    if (record.payload !== null) {
      await this.#send(subscription, record, report);
      return;
    }
    const since = subscription.lastDigestAt ?? subscription.createdAt;
    const digest = await this.#options.source.build(subscription, since, record.windowKey);
    if (isEmptyDigest(digest) && !(this.#options.postEmpty ?? false)) {
      await subscriptions.dropEmptyWindow({ outboxId: record.id, subscriptionId: subscription.id, windowEnd: record.windowKey });
      report.empty.push(subscription.id);
      return;
    }
    if (!(await subscriptions.saveOutboxPayload(record.id, digest, this.#lease()))) return;
    await this.#send(subscription, { ...record, payload: digest }, report);
  }

  async #send(subscription: SubscriptionRecord, record: DigestOutboxRecord, report: DigestTickReport): Promise<void> {
    const { subscriptions, logger } = this.#options;
    const sink = this.#options.sinks[subscription.platform];
    if (!sink) {
      logger.warn({ subscription: subscription.id, platform: subscription.platform }, 'No digest sink for this platform; the digest stays pending');
      await subscriptions.releaseOutbox(record.id, this.#owner);
      return;
    }
    try {
      await sink.post(subscription, record.payload as Digest);
    } catch (error) {
      report.failed.push(subscription.id);
      logger.warn({ err: error, subscription: subscription.id, window: record.windowKey }, 'Digest send failed; it stays pending and is retried');
      await subscriptions.releaseOutbox(record.id, this.#owner);
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

  #lease(): OutboxLease {
    return { owner: this.#owner, now: this.#now(), leaseMs: this.#options.leaseMs ?? 300_000 };
  }

  #generateId(): string {
    return (this.#options.generateId ?? randomUUID)();
  }
}
