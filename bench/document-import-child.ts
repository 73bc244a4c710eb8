import { performance } from 'node:perf_hooks';
import { openServices } from '../src/app/services.js';
import { clockFor } from '../src/cli/program.js';
import { importFile, readImport } from '../src/cli/plan-io.js';
import { loadConfig } from '../src/config.js';
import { ownPeakMemoryMb } from './measure.js';
import { todayIn } from '../src/core/dates/today.js';

/**
 * Run as its own process by bench/document-import.ts, so its peak memory is one import's alone: imports
 * a document the way `concerto import FILE --yes` does (the file read and understood before the database
 * opens, the preview printed, then the import), and prints, as the last line, the time of the reading and
 * of the import, the items written and the process's peak memory as JSON.
 * Peak memory is the process's own (measure.ts, ownPeakMemoryMb).
 */
const [file] = process.argv.slice(2) as [string];
const config = loadConfig();
const timeZone = config.CONCERTO_TIMEZONE ?? 'Europe/London';
const o = { yes: true };
const started = performance.now();
const read = await readImport(file, todayIn(clockFor(config).now(), timeZone), timeZone, o);
const readMs = performance.now() - started;
const peakAfterReadMb = ownPeakMemoryMb();
const services = await openServices(config, clockFor(config));
try {
  const opened = performance.now();
  const result = await importFile(services, read, 'bench', null, o);
  const importMs = performance.now() - opened;
  if (!result) throw new Error(`${file} was not imported`);
  const flagged = 'document' in read ? read.document.flaggedDates.length : 0;
  const skipped = 'document' in read ? read.document.skipped.length : 0;
  process.stdout.write(
    `${JSON.stringify({ readMs, importMs, items: result.added, updates: result.updatesAdded, flagged, skipped, peakAfterReadMb, peakMb: ownPeakMemoryMb() })}\n`,
  );
} finally {
  await services.close();
}
