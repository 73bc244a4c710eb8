/**
 * SIGTERM and SIGINT: a long-running command (serve) waits for them to finish in-flight work and
 * close cleanly; any other command is closed and ended straight away.
 */
const waiters: Array<() => void> = [];

export function shutdownRequested(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve));
}

export function installSignalHandlers(closeNow: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (waiters.length) waiters.splice(0).forEach((resume) => resume());
      else closeNow(signal);
    });
  }
}
