import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Services } from '../app/services.js';
import type { SlackSettings } from '../config.js';
import { DrizzleEventLedger, SingleProcessEventLedger } from '../store/event-ledger.js';
import { DrizzlePeopleStore } from '../store/people-store.js';
import { ReminderDataStore } from '../store/reminder-data.js';
import { SlackUserCache } from '../store/slack-user-cache.js';
import { DrizzlePendingImports } from '../store/pending-imports.js';
import type { SlackDeps } from './deps.js';
import { registerItemButtons } from './listeners/actions/item-buttons.js';
import { registerListButtons } from './listeners/actions/list-buttons.js';
import { registerNudgeButtons } from './listeners/actions/nudge-buttons.js';
import { registerImportButtons } from './listeners/actions/import-buttons.js';
import { registerDecisionButtons } from './listeners/actions/decision-buttons.js';
import { registerSignOffButtons } from './listeners/actions/sign-off-buttons.js';
import { registerConcertoCommand } from './listeners/commands/concerto.js';
import { registerDedupe } from './listeners/dedupe.js';
import { listenersById } from './listeners/listeners-by-id.js';
import { registerAppHome } from './listeners/events/app-home.js';
import { registerMessages } from './listeners/events/messages.js';
import { registerUpdateSubmission } from './listeners/views/update-submission.js';
import { registerDecisionForm } from './listeners/views/decision-form.js';
import { registerMeetingForm } from './listeners/views/meeting-form.js';
import { EVENTS_ENDPOINT, guardSlackRequests } from './request-guard.js';
import { SlackDirectory } from './directory.js';
import { failFastClient } from './fail-fast-client.js';
import { HomeRefresher, publishHome } from './home.js';
import { modelPeopleStore } from '../store/read-model/model-people-store.js';
import { ModelSlackUserCache } from '../store/read-model/model-slack-user-cache.js';
import { slackFetch } from './slack-fetch.js';

export interface RunningSlackApp {
  app: App;
  /** The HTTP port, or null in Socket Mode. */
  port: number | null;
  /** Settles once the member directory has been read at start-up (or could not be). */
  directoryRead: Promise<boolean>;
  stop(): Promise<void>;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/**
 * Connections are kept open past the idle timeout of the load balancers a server usually sits behind
 * (60 s on AWS's and nginx's defaults): with Node's own 5 s, a balancer can send a request down a
 * connection the server is closing (a 502 to Slack), and every lull makes the next burst open its
 * connections again, which a busy server accepts only one per turn of its event loop.
 */
const SERVER_OPTIONS = { keepAliveTimeout: 65_000, headersTimeout: 66_000 };

/**
 * The Bolt app: Socket Mode when an app token is given, else HTTP with commands, interactivity and
 * events at POST /slack/events and GET /healthz. Every request to the endpoint is verified with the signing
 * secret, once, by the guard in front of Bolt's receiver.
 */
export async function startSlackApp(services: Services, settings: SlackSettings): Promise<RunningSlackApp> {
  const { database } = services;
  let ready = false;
  const socketMode = settings.appToken !== null;
  const logLevel = LOG_LEVELS[services.config.LOG_LEVEL];
  // HTTP: our own receiver, so junk that Bolt would crash or stall on is refused in front of it.
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: settings.signingSecret,
        endpoints: [EVENTS_ENDPOINT],
        // The guard in front (request-guard.ts) has verified every request to this endpoint, as Bolt would;
        // verifying again here cost each request a second round of HMACs.
        signatureVerification: false,
        port: settings.port,
        logLevel,
        customRoutes: [
          {
            path: '/healthz',
            method: ['GET'],
            // Ready to serve: started, and the database answering (503 while it cannot be reached).
            handler: async (_req, res) => {
              const ok = ready && (await database.ping());
              res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
              // `model`: whether the read model has been built since start; until then answers come from the tables, more slowly.
              res.end(JSON.stringify({ ok, database: database.kind, ...(services.model ? { model: services.model.isWarm ? 'ready' : 'building' } : {}) }));
            },
          },
        ],
      });
  const app = new App({
    token: settings.botToken,
    logLevel,
    clientOptions: { fetch: slackFetch, ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}) },
    // Conversations are Concerto's own, in the database (store/conversation-store.ts). Bolt's in-memory store
    // would be per process, and for every request without one it built an Error to say so.
    convoStore: false,
    ...(receiver ? { receiver } : { socketMode: true, signingSecret: settings.signingSecret, appToken: settings.appToken! }),
  });
  if (receiver) guardSlackRequests(receiver, { signingSecret: settings.signingSecret, logger: app.logger });
  // Each Slack request confirms the read model once, then reads memory (store/read-model/read-model.ts).
  const model = services.model;
  if (model) app.use(({ next }) => model.request(next));
  const people = services.model ? modelPeopleStore(new DrizzlePeopleStore(database.db), services.model) : new DrizzlePeopleStore(database.db);
  const users = services.model ? new ModelSlackUserCache(database.db, services.model) : new SlackUserCache(database.db);
  const background = failFastClient(settings);
  const directory = new SlackDirectory({ services, people, users, background }, app.logger);
  // The embedded database has one process: its ledger decides redeliveries in memory and writes behind.
  const ledger =
    database.kind === 'pglite'
      ? SingleProcessEventLedger.open(database.db, services.clock.now(), (err, step) =>
          app.logger.warn(`Could not ${step === 'read' ? 'read the Slack event ids seen in the last day' : 'record Slack event ids as seen'} (a redelivery after a restart may be handled twice): ${(err as Error).message}`),
        )
      : new DrizzleEventLedger(database.db);
  const deps: SlackDeps = {
    services,
    people,
    ledger,
    users,
    reminders: new ReminderDataStore(database.db),
    admins: services.config.CONCERTO_ADMINS,
    background,
    homes: new HomeRefresher((userId) => publishHome(deps, userId), app.logger),
    directoryReady: () => directory.ready(),
    pendingImports: new DrizzlePendingImports(database.db),
    files: { token: settings.botToken, apiUrl: settings.apiUrl },
  };
  registerDedupe(app, deps);
  registerConcertoCommand(app, deps);
  const byId = listenersById(app);
  registerUpdateSubmission(byId.listeners, deps);
  registerItemButtons(byId.listeners, deps);
  registerListButtons(byId.listeners, deps);
  registerNudgeButtons(byId.listeners, deps);
  registerImportButtons(byId.listeners, deps);
  registerDecisionButtons(byId.listeners, deps);
  registerSignOffButtons(byId.listeners, deps);
  registerDecisionForm(byId.listeners, deps);
  registerMeetingForm(byId.listeners, deps);
  byId.mount();
  registerMessages(app, deps);
  registerAppHome(app, deps);
  app.error(async (error) => {
    app.logger.error(error);
  });

  if (socketMode) await app.start();
  else await app.start(settings.port, SERVER_OPTIONS);
  directory.start();
  if (ledger instanceof SingleProcessEventLedger) void ledger.readSeen();
  ready = true;
  return {
    app,
    port: socketMode ? null : settings.port,
    directoryRead: directory.ready(),
    async stop() {
      ready = false;
      await app.stop();
      await Promise.all([deps.homes.stop(), directory.stop(), ledger.close()]);
    },
  };
}
