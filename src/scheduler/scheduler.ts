import type { Clock, PlanDirectory } from '../core/ports.js';
import type { ReadModel } from '../store/read-model/read-model.js';
import type { Notifier } from '../core/reminders/outbox-message.js';
import type { ReminderSettings } from '../core/reminders/settings.js';
import type { Database } from '../store/database.js';
import { OutboxStore } from '../store/outbox-store.js';
import { dispatchOnce } from './dispatcher.js';
import { runTick } from './tick.js';

export interface SchedulerOptions {
  database: Database;
  /** The plans a pass reads: a server's read model, so a pass over 10,000 items reads memory. */
  plans?: PlanDirectory;
  model?: ReadModel;
  clock: Clock;
  settings: ReminderSettings;
  notifier: Notifier;
  /** How often to decide what is due (the rules work in whole minutes). */
  tickEveryMs?: number;
  /** How often to send from the outbox; once a second keeps to Slack's per-channel pace. */
  dispatchEveryMs?: number;
  onError?: (err: unknown) => void;
}

export interface RunningScheduler {
  /** Stops the loops and waits for the pass in progress to finish. */
  stop(): Promise<void>;
}

/**
 * The scheduler inside `concerto serve`. Every instance runs one; the advisory lock and the
 * outbox's unique keys make them cooperate through the database rather than in memory.
 */
export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const outbox = new OutboxStore(options.database.db);
  const onError = options.onError ?? (() => {});
  let stopped = false;
  const running = new Set<Promise<unknown>>();

  const loop = (everyMs: number, pass: () => Promise<unknown>) => {
    let timer: NodeJS.Timeout | undefined;
    const run = async () => {
      if (stopped) return;
      const p = pass().catch(onError);
      running.add(p);
      await p;
      running.delete(p);
      if (!stopped) timer = setTimeout(run, everyMs);
    };
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  };

  const stopTick = loop(options.tickEveryMs ?? 60_000, () => {
    const tick = () => runTick(options.database, options.clock.now(), options.settings, false, options.plans);
    const model = options.model;
    // A pass reads the model, never the tables: the first waits for it to be built (the build started with the server).
    return model ? model.warm().then(() => model.request(tick)) : tick();
  });
  const stopDispatch = loop(options.dispatchEveryMs ?? 1_000, () => {
    // Queued nudges are read against their items as they are sent: from the model, confirmed once per pass.
    const dispatch = () => dispatchOnce(outbox, options.notifier, options.clock, undefined, options.plans ?? outbox.plans());
    return options.model ? options.model.request(dispatch) : dispatch();
  });

  return {
    async stop() {
      stopped = true;
      stopTick();
      stopDispatch();
      await Promise.allSettled([...running]);
    },
  };
}
