import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite has its own command (npm run test:faults) and config.
    exclude: ['tests/faults/**', '**/node_modules/**'],
    // PGlite starts in ~1–3 s per database and CI has two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Spawned CLIs run the bundled dist/: built once here, before any test.
    globalSetup: ['./tests/helpers/build-dist.ts'],
    reporters: ['default', './tests/helpers/driver-reporter.ts'],
  },
});
