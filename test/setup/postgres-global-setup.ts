import type { TestProject } from 'vitest/node';
import { findPostgresInstall, startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/lib/throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL tests may create databases with, or why PostgreSQL tests skip. */
    postgres: { adminUrl: string } | { skipReason: string };
  }
}

/**
 * Gives the PostgreSQL tests a server: `STORYDESK_TEST_DATABASE_URL` when set (a superuser URL; each test
 * creates its own database), otherwise a throwaway cluster started here and stopped after the run. Where
 * neither can be had (no PostgreSQL or pgvector installed, as on a user's clone), those tests skip with the reason.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.STORYDESK_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgres', { adminUrl: given });
    return async () => undefined;
  }
  const install = findPostgresInstall();
  if ('reason' in install) {
    project.provide('postgres', { skipReason: install.reason });
    return async () => undefined;
  }
  let server: ThrowawayPostgres;
  try {
    server = await startThrowawayPostgres();
  } catch (error) {
    project.provide('postgres', { skipReason: `could not start PostgreSQL: ${error instanceof Error ? error.message : String(error)}` });
    return async () => undefined;
  }
  project.provide('postgres', { adminUrl: server.url });
  return () => server.stop();
}
