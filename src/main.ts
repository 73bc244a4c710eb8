import { buildProgram, clockFor } from './cli/program.js';
import { EXIT, exitCodeFor, messageFor } from './cli/exit.js';
import type { Services } from './app/services.js';
import { loadConfig } from './config.js';
import { installSignalHandlers } from './cli/shutdown.js';
import { collectGarbageSooner } from './cli/heap-growth.js';

collectGarbageSooner();

/** How long a finished command waits for libraries' timers before it exits regardless. */
const EXIT_GRACE_MS = 1_000;

/** Wiring only: configuration → database → services → the command the person asked for. */
let services: Services | undefined;
let exitCode: number = EXIT.ok;

async function close(): Promise<void> {
  const s = services;
  services = undefined;
  await s?.close();
}

installSignalHandlers((signal) => {
  void close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
});

const program = buildProgram(
  async (asOf, options) => {
    const config = loadConfig();
    // The database drivers load only for a command that opens the database.
    const { openServices } = await import('./app/services.js');
    services = await openServices(config, clockFor(config, asOf), options);
    return services;
  },
  (code) => {
    exitCode = Math.max(exitCode, code);
  },
);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`${messageFor(err)}\n`);
  exitCode = exitCodeFor(err);
} finally {
  await close();
}
process.exitCode = exitCode;
// Everything Concerto started has stopped and the database is closed, but a library may still hold the process
// open: Bolt's Web API client retries a failed call (its auth.test, while Slack cannot be reached) for up to half
// an hour. So the process ends a moment after its work, whatever a library has pending; nothing of Concerto's is in it.
setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
