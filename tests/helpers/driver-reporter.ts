import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, after the run, how many storage tests ran on each database driver, so a CI log shows
 * that the PostgreSQL suite ran rather than skipped, and ends with a plain "N passed, N failed" line.
 * With CONCERTO_REQUIRE_POSTGRES set, a run with no PostgreSQL test fails.
 */
export default class DriverReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { postgres: { passed: 0, failed: 0 }, pglite: { passed: 0, failed: 0 }, all: { passed: 0, failed: 0, skipped: 0 } };
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : null;
        if (!key) {
          counts.all.skipped++;
          continue;
        }
        counts.all[key]++;
        if (/\bon '?postgres'?\b/.test(test.fullName)) counts.postgres[key]++;
        if (/\bon '?pglite'?\b/.test(test.fullName)) counts.pglite[key]++;
      }
    }
    console.log(`\nStorage suites: PGlite ${counts.pglite.passed} passed, ${counts.pglite.failed} failed; PostgreSQL ${counts.postgres.passed} passed, ${counts.postgres.failed} failed.`);
    if (process.env.CONCERTO_REQUIRE_POSTGRES && counts.postgres.passed === 0) {
      console.log('The PostgreSQL suite did not run although CONCERTO_REQUIRE_POSTGRES is set.');
      process.exitCode = 1;
    }
    console.log(`${counts.all.passed} passed, ${counts.all.failed} failed, ${counts.all.skipped} skipped`);
  }
}
