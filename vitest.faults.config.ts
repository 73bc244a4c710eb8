import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: load, fault and hostile-input cases. They start and stop their own
 * PostgreSQL servers and kill processes, so they run apart from `npm test` and one file at a time.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Spawned CLIs run the compiled dist/: built once here, before any test.
    globalSetup: ['./tests/helpers/build-dist.ts'],
    fileParallelism: false,
    reporters: ['default', './tests/helpers/driver-reporter.ts'],
  },
});
