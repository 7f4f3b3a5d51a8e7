import type pg from 'pg';
import type { DigestOutboxRecord, OutboxStatus, SubscriptionRecord } from '../../core/story.js';
import type { DigestSent, OutboxLease, SubscriptionFilter, SubscriptionStore } from '../../core/subscription-store.js';
import { type OutboxRow, type SubscriptionRow, toOutbox, toSubscription } from '../sqlite-story-rows.js';
import { inTransaction } from './postgres-pool.js';

/** A subscription row as PostgreSQL returns it: `active` is a boolean rather than SQLite's 0/1. */
type PostgresSubscriptionRow = Omit<SubscriptionRow, 'active'> & { active: boolean };

function fromRow(row: PostgresSubscriptionRow): SubscriptionRecord {
  return toSubscription({ ...row, active: row.active ? 1 : 0 });
}

/** Subscriptions and the digest outbox on PostgreSQL (migrations 0003, 0006). */
export class PostgresSubscriptionStore implements SubscriptionStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async saveSubscription(subscription: SubscriptionRecord): Promise<void> {
    const { id, platform, channelId, targetKind, target, cron, timezone, createdAt, lastDigestAt, active } = subscription;
    await this.#pool.query(
      `INSERT INTO subscriptions (id, platform, channel_id, target_kind, target, cron, timezone, created_at, last_digest_at, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, channel_id = excluded.channel_id, target_kind = excluded.target_kind,
         target = excluded.target, cron = excluded.cron, timezone = excluded.timezone, created_at = excluded.created_at,
         last_digest_at = excluded.last_digest_at, active = excluded.active`,
      [id, platform, channelId, targetKind, target, cron, timezone, createdAt, lastDigestAt, active],
    );
  }

  async getSubscription(id: string): Promise<SubscriptionRecord | null> {
    const { rows } = await this.#pool.query<PostgresSubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1', [id]);
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  async listSubscriptions(filter: SubscriptionFilter = {}): Promise<SubscriptionRecord[]> {
    const { rows } = await this.#pool.query<PostgresSubscriptionRow>(
      `SELECT * FROM subscriptions
       WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel_id = $2) AND (NOT $3::boolean OR active)
       ORDER BY created_at, id`,
      [filter.platform ?? null, filter.channelId ?? null, filter.activeOnly ?? false],
    );
    return rows.map(fromRow);
  }

  async setLastDigestAt(id: string, lastDigestAt: string): Promise<void> {
    await this.#pool.query('UPDATE subscriptions SET last_digest_at = $1 WHERE id = $2', [lastDigestAt, id]);
  }

  async setSubscriptionActive(id: string, active: boolean): Promise<void> {
    await this.#pool.query('UPDATE subscriptions SET active = $1 WHERE id = $2', [active, id]);
  }

  async deleteSubscription(id: string): Promise<void> {
    await this.#pool.query('DELETE FROM subscriptions WHERE id = $1', [id]);
  }

  /** The unique (subscription, window) key decides between replicas inserting at once: one row, one `true`. */
  async insertOutbox(record: DigestOutboxRecord, lease?: OutboxLease): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `INSERT INTO digest_outbox (id, subscription_id, window_key, payload, status, created_at, sent_at, lease_owner, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz + $10 * interval '1 millisecond') ON CONFLICT DO NOTHING`,
      [
        record.id,
        record.subscriptionId,
        record.windowKey,
        JSON.stringify(record.payload ?? null),
        record.status,
        record.createdAt,
        record.sentAt,
        lease?.owner ?? null,
        lease?.now ?? null,
        lease?.leaseMs ?? null,
      ],
    );
    return rowCount === 1;
  }

  /**
   * UPDATE ... RETURNING under the row lock: of several replicas taking over one expired lease, the first
   * updates it and the others, re-checking the row it left, no longer match.
   */
  async leaseOutbox(id: string, lease: OutboxLease): Promise<DigestOutboxRecord | null> {
    const { rows } = await this.#pool.query<OutboxRow>(
      `UPDATE digest_outbox SET lease_owner = $2, lease_until = $3::timestamptz + $4 * interval '1 millisecond'
       WHERE id = $1 AND status = 'pending' AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < $3)
       RETURNING *`,
      [id, lease.owner, lease.now, lease.leaseMs],
    );
    return rows[0] === undefined ? null : toOutbox(rows[0]);
  }

  async saveOutboxPayload(id: string, payload: unknown, lease: OutboxLease): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `UPDATE digest_outbox SET payload = $2, lease_until = $4::timestamptz + $5 * interval '1 millisecond'
       WHERE id = $1 AND status = 'pending' AND lease_owner = $3`,
      [id, JSON.stringify(payload ?? null), lease.owner, lease.now, lease.leaseMs],
    );
    return rowCount === 1;
  }

  async releaseOutbox(id: string, owner: string): Promise<void> {
    await this.#pool.query("UPDATE digest_outbox SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND status = 'pending' AND lease_owner = $2", [
      id,
      owner,
    ]);
  }

  async dropEmptyWindow(window: Omit<DigestSent, 'sentAt'>): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      await client.query("DELETE FROM digest_outbox WHERE id = $1 AND status = 'pending'", [window.outboxId]);
      await client.query('UPDATE subscriptions SET last_digest_at = $1 WHERE id = $2 AND (last_digest_at IS NULL OR last_digest_at < $1)', [
        window.windowEnd,
        window.subscriptionId,
      ]);
    });
  }

  async getOutbox(subscriptionId: string, windowKey: string): Promise<DigestOutboxRecord | null> {
    const { rows } = await this.#pool.query<OutboxRow>('SELECT * FROM digest_outbox WHERE subscription_id = $1 AND window_key = $2', [
      subscriptionId,
      windowKey,
    ]);
    return rows[0] === undefined ? null : toOutbox(rows[0]);
  }

  async listOutbox(status?: OutboxStatus, subscriptionId?: string): Promise<DigestOutboxRecord[]> {
    const { rows } = await this.#pool.query<OutboxRow>(
      `SELECT * FROM digest_outbox WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR subscription_id = $2)
       ORDER BY created_at, id`,
      [status ?? null, subscriptionId ?? null],
    );
    return rows.map(toOutbox);
  }

  async markOutbox(id: string, status: OutboxStatus, sentAt: string | null = null): Promise<void> {
    await this.#pool.query('UPDATE digest_outbox SET status = $1, sent_at = $2 WHERE id = $3', [status, sentAt, id]);
  }

  async markDigestSent(sent: DigestSent): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      await client.query("UPDATE digest_outbox SET status = 'sent', sent_at = $1, lease_owner = NULL, lease_until = NULL WHERE id = $2", [sent.sentAt, sent.outboxId]);
      await client.query('UPDATE subscriptions SET last_digest_at = $1 WHERE id = $2 AND (last_digest_at IS NULL OR last_digest_at < $1)', [
        sent.windowEnd,
        sent.subscriptionId,
      ]);
    });
  }
}
