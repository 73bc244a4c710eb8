import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Services } from '../../../src/app/services.js';
import { fixedClock } from '../../../src/clock.js';
import type { Config } from '../../../src/config.js';
import { exportPlanTo, type ExportOptions } from '../../../src/cli/plan-io.js';
import { DrizzleConversationStore } from '../../../src/store/conversation-store.js';
import { DrizzleChaseQueue } from '../../../src/store/chase-queue.js';
import type { Database } from '../../../src/store/database.js';
import { DrizzlePlanDirectory } from '../../../src/store/plan-directory.js';

/** For the report's integration suites: the CLI's services on a test database, and exports read back from a file. */
export function servicesOn(database: Database, now: string): Services {
  return {
    database,
    plans: new DrizzlePlanDirectory(database.db),
    conversations: new DrizzleConversationStore(database.db),
    chases: new DrizzleChaseQueue(database.db),
    clock: fixedClock(new Date(now)),
    config: {} as Config,
    close: () => database.close(),
  };
}

export async function exported(services: Services, opts: Omit<ExportOptions, 'output'>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'concerto-report-'));
  try {
    const out = path.join(dir, `paper.${opts.format}`);
    await exportPlanTo(services, { ...opts, output: out });
    return readFileSync(out, opts.format === 'pdf' ? 'latin1' : 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
