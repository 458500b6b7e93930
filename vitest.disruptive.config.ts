import { defineConfig } from 'vitest/config';

// Tests that restart the pool's daemons or load the schedd with 100,000 jobs: run alone, after
// the main suite, on a pool of their own (a restarted or swamped schedd would fail whatever
// another test file was doing with it).
export default defineConfig({
  test: {
    include: ['test/disruptive/**/*.test.ts'],
    globalSetup: ['test/setup/pool.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
