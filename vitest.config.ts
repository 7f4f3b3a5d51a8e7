import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // research/test holds the tests of the research scripts that need no research install (research/README.md).
    include: ['test/**/*.test.ts', 'research/test/**/*.test.ts'],
    // Native addons (better-sqlite3, hnswlib) are happiest in forked processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
