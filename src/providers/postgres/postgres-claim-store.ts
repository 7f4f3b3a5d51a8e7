import type pg from 'pg';
import type { Claim, Hedge, HolderKind } from '../../core/claim.js';
import type { ClaimSource, ClaimStore } from '../../core/claim-store.js';
import { inTransaction } from './postgres-pool.js';

interface ClaimRow {
  content_hash: string;
  start: number;
  end: number;
  hedge: Hedge;
  holder: string | null;
  holder_kind: HolderKind;
  verb: string | null;
  via: string | null;
}

/** The `start` of the one row kept for an article read with no claims, so it is not read again. */
const noClaims = -1;

/** What a row's `content_hash` holds: the article version and the claim reader version it was read with (as on SQLite). */
function readKey(contentHash: string, readerVersion: number): string {
  return `${contentHash}@claims${readerVersion}`;
}

/** Claims with their sentence offsets, attribution and hedge, on PostgreSQL (migration 0004); they go with their article. */
export class PostgresClaimStore implements ClaimStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async getClaims(article: ClaimSource, readerVersion: number): Promise<Claim[] | null> {
    const { rows } = await this.#pool.query<ClaimRow>('SELECT * FROM claims WHERE article_id = $1 ORDER BY start', [article.id]);
    const key = readKey(article.contentHash, readerVersion);
    if (rows.length === 0 || rows.some((row) => row.content_hash !== key)) return null;
    return rows
      .filter((row) => row.start !== noClaims)
      .map((row) => ({
        start: row.start,
        end: row.end,
        text: article.body.slice(row.start, row.end),
        hedge: row.hedge,
        attribution: { holder: row.holder, kind: row.holder_kind, verb: row.verb, via: row.via },
      }));
  }

  /**
   * The article row is locked (FOR NO KEY UPDATE) while its claims are replaced: an ingest editing or deleting it
   * waits, an article already edited or removed since it was read gets nothing stored, and two replicas storing the
   * same article's claims at once (both building a digest of its story) take turns; under a share lock both
   * deleted nothing and the second insert failed on the primary key.
   */
  async putClaims(article: ClaimSource, readerVersion: number, claims: Claim[]): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE id = $1 FOR NO KEY UPDATE', [article.id]);
      if (rows[0]?.content_hash !== article.contentHash) return;
      await client.query('DELETE FROM claims WHERE article_id = $1', [article.id]);
      const stored: Omit<Claim, 'text'>[] =
        claims.length > 0
          ? claims
          : [{ start: noClaims, end: noClaims, hedge: 'asserted', attribution: { holder: null, kind: 'outlet', verb: null, via: null } }];
      await client.query(
        `INSERT INTO claims (article_id, content_hash, start, "end", hedge, holder, holder_kind, verb, via)
         SELECT $1, $2, * FROM unnest($3::integer[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
        [
          article.id,
          readKey(article.contentHash, readerVersion),
          stored.map((claim) => claim.start),
          stored.map((claim) => claim.end),
          stored.map((claim) => claim.hedge),
          stored.map((claim) => claim.attribution.holder),
          stored.map((claim) => claim.attribution.kind),
          stored.map((claim) => claim.attribution.verb),
          stored.map((claim) => claim.attribution.via),
        ],
      );
    });
  }
}
