import type Database from 'better-sqlite3';
import type { DigestOutboxRecord, OutboxStatus, SubscriptionRecord } from '../core/story.js';
import type { DigestSent, OutboxLease, SubscriptionFilter, SubscriptionStore } from '../core/subscription-store.js';
import { SqliteStatements } from './sqlite-statements.js';
import { type OutboxRow, type SubscriptionRow, toOutbox, toSubscription } from './sqlite-story-rows.js';

/** Subscriptions and the digest outbox on SQLite (tables migrated with the story tables). */
export class SqliteSubscriptionStore implements SubscriptionStore {
  readonly #sql: SqliteStatements;

  /** Works on a connection whose story tables are migrated (see `openStoryDatabase`). */
  constructor(database: Database.Database) {
    this.#sql = new SqliteStatements(database);
  }

  async saveSubscription(subscription: SubscriptionRecord): Promise<void> {
    this.#sql
      .get(
        `INSERT OR REPLACE INTO subscriptions (id, platform, channel_id, target_kind, target, cron, timezone, created_at, last_digest_at, active)
         VALUES (@id, @platform, @channelId, @targetKind, @target, @cron, @timezone, @createdAt, @lastDigestAt, @active)`,
      )
      .run({ ...subscription, active: subscription.active ? 1 : 0 });
  }

  async getSubscription(id: string): Promise<SubscriptionRecord | null> {
    const row = this.#sql.get('SELECT * FROM subscriptions WHERE id = ?').get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  async listSubscriptions(filter: SubscriptionFilter = {}): Promise<SubscriptionRecord[]> {
    const rows = this.#sql
      .get(
        `SELECT * FROM subscriptions
         WHERE (@platform IS NULL OR platform = @platform) AND (@channelId IS NULL OR channel_id = @channelId) AND (@activeOnly = 0 OR active = 1)
         ORDER BY created_at, id`,
      )
      .all({ platform: filter.platform ?? null, channelId: filter.channelId ?? null, activeOnly: filter.activeOnly ? 1 : 0 }) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async setLastDigestAt(id: string, lastDigestAt: string): Promise<void> {
    this.#sql.get('UPDATE subscriptions SET last_digest_at = ? WHERE id = ?').run(lastDigestAt, id);
  }

  async setSubscriptionActive(id: string, active: boolean): Promise<void> {
    this.#sql.get('UPDATE subscriptions SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }

  async deleteSubscription(id: string): Promise<void> {
    this.#sql.get('DELETE FROM subscriptions WHERE id = ?').run(id);
  }

  async insertOutbox(record: DigestOutboxRecord, lease?: OutboxLease): Promise<boolean> {
    const result = this.#sql
      .get(
        `INSERT OR IGNORE INTO digest_outbox (id, subscription_id, window_key, payload, status, created_at, sent_at, lease_owner, lease_until)
         VALUES (@id, @subscriptionId, @windowKey, @payload, @status, @createdAt, @sentAt, @leaseOwner, @leaseUntil)`,
      )
      .run({
        ...record,
        payload: JSON.stringify(record.payload ?? null),
        leaseOwner: lease?.owner ?? null,
        leaseUntil: lease ? lease.now.getTime() + lease.leaseMs : null,
      });
    return result.changes === 1;
  }

  /** One UPDATE ... RETURNING: SQLite runs it alone, so of several takers exactly one matches the expired lease. */
  async leaseOutbox(id: string, lease: OutboxLease): Promise<DigestOutboxRecord | null> {
    const row = this.#sql
      .get(
        `UPDATE digest_outbox SET lease_owner = @owner, lease_until = @until
         WHERE id = @id AND status = 'pending' AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until < @now)
         RETURNING *`,
      )
      .get({ id, owner: lease.owner, now: lease.now.getTime(), until: lease.now.getTime() + lease.leaseMs }) as OutboxRow | undefined;
    return row ? toOutbox(row) : null;
  }

  async saveOutboxPayload(id: string, payload: unknown, lease: OutboxLease): Promise<boolean> {
    const result = this.#sql
      .get("UPDATE digest_outbox SET payload = ?, lease_until = ? WHERE id = ? AND status = 'pending' AND lease_owner = ?")
      .run(JSON.stringify(payload ?? null), lease.now.getTime() + lease.leaseMs, id, lease.owner);
    return result.changes === 1;
  }

  async releaseOutbox(id: string, owner: string): Promise<void> {
    this.#sql.get("UPDATE digest_outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'pending' AND lease_owner = ?").run(id, owner);
  }

  async dropEmptyWindow(window: Omit<DigestSent, 'sentAt'>): Promise<void> {
    const drop = this.#sql.get("DELETE FROM digest_outbox WHERE id = ? AND status = 'pending'");
    const advance = this.#sql.get('UPDATE subscriptions SET last_digest_at = ? WHERE id = ? AND (last_digest_at IS NULL OR last_digest_at < ?)');
    this.#sql.database
      .transaction(() => {
        drop.run(window.outboxId);
        advance.run(window.windowEnd, window.subscriptionId, window.windowEnd);
      })
      .immediate();
  }

  async getOutbox(subscriptionId: string, windowKey: string): Promise<DigestOutboxRecord | null> {
    const row = this.#sql.get('SELECT * FROM digest_outbox WHERE subscription_id = ? AND window_key = ?').get(subscriptionId, windowKey) as
      | OutboxRow
      | undefined;
    return row ? toOutbox(row) : null;
  }

  async listOutbox(status?: OutboxStatus, subscriptionId?: string): Promise<DigestOutboxRecord[]> {
    const rows = this.#sql
      .get(
        `SELECT * FROM digest_outbox WHERE (@status IS NULL OR status = @status) AND (@subscriptionId IS NULL OR subscription_id = @subscriptionId)
         ORDER BY created_at, id`,
      )
      .all({ status: status ?? null, subscriptionId: subscriptionId ?? null }) as OutboxRow[];
    return rows.map(toOutbox);
  }

  async markOutbox(id: string, status: OutboxStatus, sentAt: string | null = null): Promise<void> {
    this.#sql.get('UPDATE digest_outbox SET status = ?, sent_at = ? WHERE id = ?').run(status, sentAt, id);
  }

  async markDigestSent(sent: DigestSent): Promise<void> {
    const markSent = this.#sql.get("UPDATE digest_outbox SET status = 'sent', sent_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?");
    const advance = this.#sql.get('UPDATE subscriptions SET last_digest_at = ? WHERE id = ? AND (last_digest_at IS NULL OR last_digest_at < ?)');
    this.#sql.database
      .transaction(() => {
        markSent.run(sent.sentAt, sent.outboxId);
        advance.run(sent.windowEnd, sent.subscriptionId, sent.windowEnd);
      })
      .immediate();
  }
}
