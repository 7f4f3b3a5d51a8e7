import { defineConfig } from 'vitest/config';

/** Browser tests (`npm run test:browser`): Debian's chromium driven by playwright-core; screenshots in test-artifacts/. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    pool: 'forks',
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
