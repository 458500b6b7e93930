import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpora run with npm run test:conformance (vitest.conformance.config.ts).
    // Tests that restart daemons run alone afterwards (vitest.disruptive.config.ts).
    exclude: ['test/conformance/**', 'test/disruptive/**', '**/node_modules/**'],
    // One real HTCondor pool for the whole run, started and stopped by the global setup.
    globalSetup: ['test/setup/pool.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep the pool, the browser and the test files from starving each other.
    maxWorkers: 2,
  },
});
