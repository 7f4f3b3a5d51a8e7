import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The PostgreSQL server the global setup provided, or why the PostgreSQL tests skip (printed in their title). */
export function testPostgres(): { adminUrl: string; skipReason?: undefined } | { adminUrl?: undefined; skipReason: string } {
  return inject('postgres');
}

/** A title that says why a PostgreSQL suite skipped, when it does. */
export function postgresSuiteTitle(title: string): string {
  const server = testPostgres();
  return server.skipReason ? `${title} (skipped: ${server.skipReason})` : title;
}

/** Creates an empty database on the test server and returns its URL. */
export async function createTestDatabase(adminUrl: string, prefix = 'storydesk_test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
