import { performance } from 'node:perf_hooks';
import { openServices } from '../src/app/services.js';
import { clockFor } from '../src/cli/program.js';
import { exportPlanTo } from '../src/cli/plan-io.js';
import { loadConfig } from '../src/config.js';
import { ownPeakMemoryMb } from './measure.js';

/**
 * Run as its own process by bench/paper-files.ts, so its peak memory is one export's alone: writes the
 * board paper in one format through the CLI's own export, then prints `{ ms, peakMb }` as JSON.
 */
const [format, output, asOf] = process.argv.slice(2) as [string, string, string];
const config = loadConfig();
const services = await openServices(config, clockFor(config));
try {
  const started = performance.now();
  await exportPlanTo(services, { format, output, asOf });
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, peakMb: ownPeakMemoryMb() })}\n`);
} finally {
  await services.close();
}
