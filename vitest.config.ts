import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // research/test holds the tests of the research scripts that need no research install (research/README.md).
    include: ['test/**/*.test.ts', 'research/test/**/*.test.ts'],
    // Native addons (better-sqlite3, hnswlib) are happiest in forked processes.
    pool: 'forks',
    // One PostgreSQL server for the run (or the reason its tests skip); each test makes its own database.
    globalSetup: ['test/setup/postgres-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
