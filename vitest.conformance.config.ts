import { defineConfig } from 'vitest/config';

// The conformance corpora (CONFORMANCE_DIR, default ../shared/conformance) through the WASM
// build. No pool needed.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 600_000,
    // The event log corpus was read with TZ=UTC: its zone-less times are UTC.
    env: { TZ: 'UTC' },
  },
});
