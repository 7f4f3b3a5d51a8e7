import { defineConfig } from 'vitest/config';

/** `npx vitest run --config research/vitest.config.ts`: every research test, the encoder's too (needs `npm run research:install`). */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    pool: 'forks',
    testTimeout: 120_000,
  },
});
