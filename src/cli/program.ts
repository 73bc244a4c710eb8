import { Command, InvalidArgumentError, Option } from 'commander';
import type { Services } from '../app/services.js';
import { travelledClock, systemClock } from '../clock.js';
import { isInstant, loadConfig, parseInstant, slackSettings, type Config, type SlackSettings } from '../config.js';
import { DEFAULT_RAG_RULES } from '../core/plan/rag.js';
import { PAPER_FORMATS } from '../core/report/paper-formats.js';
import { countArg, isoDayArg } from './arg-parsers.js';
import { EXIT, UsageError } from './exit.js';
import { registerGovernanceCommands } from './governance-commands.js';
import { registerPlanCommands } from './plan-commands.js';
import { registerReminderCommands } from './reminder-commands.js';

/*
 * What a command needs is loaded when it runs, not when the program starts: `when` never loads the
 * database drivers, `ask` never loads Slack's SDK, and only `serve` does. A one-shot command's start-up
 * is most of its time.
 */

export type AsOfOption = () => Option;

/** `--plan KEY`: which plan a command is about, when there is more than one. */
export const planOption = (what = 'the plan this is about, when there is more than one (see `concerto plans`)') => new Option('--plan <key>', what);

const asOfOption: AsOfOption = () =>
  new Option('--as-of <date>', 'pretend it is this date (YYYY-MM-DD or YYYY-MM-DDTHH:MM); overrides CONCERTO_NOW').argParser((v) => {
    if (!isInstant(v)) throw new InvalidArgumentError('use YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2017-10-04.');
    return v;
  });

type Open = (asOf?: string, options?: { copy?: boolean; serving?: boolean }) => Promise<Services>;

/** The `concerto` command. Each action is a few lines: parse, call the core, print. */
export function buildProgram(open: Open, setExit: (code: number) => void): Command {
  const program = new Command('concerto')
    .description('Concerto runs a board action plan: ask what is overdue, post updates, revise dates, export the plan.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('chat')
    .description('open the console (reads one message per line when piped)')
    .option('--as <name>', 'who is speaking: an owner name such as "N. Shackleton"')
    .addOption(asOfOption())
    .addOption(planOption())
    .option('--json', 'print one JSON object per reply')
    .action(async (opts: { as?: string; asOf?: string; json?: boolean; plan?: string }) => {
      const modules = whileOpening(Promise.all([import('./console.js'), import('./session.js')]));
      const services = await open(opts.asOf);
      await ensurePlanLoaded(services);
      const [{ runConsole }, { terminalActor }] = await modules;
      await runConsole(services, await terminalActor(services, opts.as), { json: Boolean(opts.json), planKey: opts.plan });
    });

  program
    .command('ask')
    .description('ask one question or give one command, e.g. concerto ask "what\'s overdue?"')
    .argument('<message>', 'what you would type to the bot')
    .option('--as <name>', 'who is speaking: an owner name such as "N. Shackleton"')
    .addOption(asOfOption())
    .addOption(planOption())
    .option('--json', 'print the reply as one JSON object')
    .action(async (message: string, opts: { as?: string; asOf?: string; json?: boolean; plan?: string }) => {
      const modules = whileOpening(Promise.all([import('../core/ask/ask.js'), import('./session.js'), import('./render.js')]));
      const services = await open(opts.asOf);
      await ensurePlanLoaded(services);
      const [{ ask }, { askContext, terminalActor }, { replyJson, replyText }] = await modules;
      const reply = await ask(askContext(services, await terminalActor(services, opts.as), opts.plan), message);
      process.stdout.write(`${opts.json ? replyJson(reply) : replyText(reply)}\n`);
      if (reply.error) setExit(EXIT.user);
    });

  program
    .command('when')
    .description('show how delivery-date phrases are read, e.g. concerto when "end of next month" "Q1 2018"')
    .argument('<phrases...>', 'one or more phrases')
    .addOption(asOfOption())
    .option('--json', 'print one JSON object per phrase')
    .action(async (phrases: string[], opts: { asOf?: string; json?: boolean }) => {
      const [{ readDelivery }, { todayIn }] = await Promise.all([import('../core/dates/read-delivery.js'), import('../core/dates/today.js')]);
      const config = loadConfig();
      const now = opts.asOf ?? config.CONCERTO_NOW;
      const timeZone = config.CONCERTO_TIMEZONE ?? 'Europe/London';
      const today = todayIn(now ? parseInstant(now, timeZone) : systemClock.now(), timeZone);
      for (const phrase of phrases) {
        const read = readDelivery(phrase, { today, timeZone });
        if (!read.ok) setExit(EXIT.user);
        const out = read.ok ? read.window : { text: read.text, error: read.error };
        process.stdout.write(opts.json ? `${JSON.stringify(out)}\n` : read.ok ? `${phrase} → ${read.window.start ?? '-'} … ${read.window.end ?? '-'} (${read.window.precision})\n` : `${read.error}\n`);
      }
    });

  program
    .command('seed')
    .description('load the bundled Concerto Action Plan of 4 October 2017 as concerto-2017: adds what is missing, never changes existing items')
    .action(async () => {
      const services = await open();
      const { seedBundledWithGovernance } = await import('../app/plan-loading.js');
      const s = await seedBundledWithGovernance(services.plans, { actor: 'seed', at: services.clock.now().toISOString() });
      const g = s.governance;
      process.stdout.write(
        `Bundled plan (${s.plan.key}${s.created ? ', created' : ''}): ${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged, ${s.updatesAdded} updates added; ` +
          `boards ${g.boards}, meetings ${g.meetings}, decisions ${g.decisions} and waits ${g.waiting} added.\n`,
      );
    });

  program
    .command('import')
    .description('import a plan from the document it lives in (Word, Excel, CSV with any headings, PDF) or from Concerto\'s own JSON, CSV or board paper; one transaction: a bad file changes nothing')
    .argument('<file>', 'a .docx, .xlsx, .csv, .tsv, .pdf or .json file')
    .option('--as <name>', 'who is importing (recorded in the audit trail)', 'import')
    .addOption(planOption('the plan to import into; a new key creates the plan from the file (needed when there is more than one plan)'))
    .option('--dry-run', 'show what would be imported (for a document: the table, its columns, counts, a sample, rows not read, dates flagged) and write nothing')
    .option('--json', 'with --dry-run or a document: the preview as one JSON object')
    .option('-y, --yes', 'import a document without asking after its preview')
    .option('--map <field=heading>', 'say which heading holds a field, e.g. --map "owner=Lead officer" (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--sheet <name>', 'the worksheet of an Excel workbook that holds the plan')
    .option('--table <n>', 'which table of the document holds the plan, by number (the preview lists them)')
    .addOption(
      new Option('--as-of <date>', "the document's date (YYYY-MM-DD): dates written without a year are read as of it, undated updates are dated it; default today").argParser(isoDayArg),
    )
    .action(async (file: string, opts: { as: string; plan?: string; dryRun?: boolean; json?: boolean; yes?: boolean; map?: string[]; sheet?: string; table?: string; asOf?: string }) => {
      const o = { dryRun: opts.dryRun, json: opts.json, yes: opts.yes, map: opts.map, sheet: opts.sheet, table: opts.table };
      // The file is read and understood before the database is opened: one that cannot be read touches nothing.
      const [{ readImport, importFile }, { todayIn }] = await Promise.all([import('./plan-io.js'), import('../core/dates/today.js')]);
      const config = loadConfig();
      const timeZone = config.CONCERTO_TIMEZONE ?? 'Europe/London';
      const read = await readImport(file, todayIn(clockFor(config, opts.asOf).now(), timeZone), timeZone, o);
      // A dry run reads a copy of the data directory, so it is left byte-for-byte as it was.
      const services = await open(opts.asOf, { copy: Boolean(opts.dryRun) });
      const s = await importFile(services, read, opts.as, opts.plan ?? null, o);
      if (!s) return;
      process.stdout.write(`Imported ${file} into ${s.plan.key}${s.created ? ' (a new plan)' : ''}: ${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged, ${s.updatesAdded} updates added.\n`);
    });

  program
    .command('export')
    .description('write the board paper as at a date (pdf, xlsx, docx, csv, html, md, json), or the plan in the import format (json or csv with no date)')
    .addOption(new Option('--format <format>', 'pdf, xlsx, docx, csv, html, md or json').choices([...PAPER_FORMATS]).default('json'))
    .addOption(new Option('--as-of <date>', 'the paper as the plan stood at the end of this day (YYYY-MM-DD); default today').argParser(isoDayArg))
    .addOption(new Option('--since <date>', 'add a "changed since" section: what changed after the end of this day (md, html, pdf, xlsx, docx)').argParser(isoDayArg))
    .addOption(new Option('--meeting <meeting>', 'the paper for a board\'s meeting ("SAS 2017-10-12", "next SAS", "last SAS"): as at its papers-by day, with changes and that board\'s decisions since its previous meeting'))
    .addOption(new Option('--amber-days <days>', 'RAG: open items due within this many days are amber').argParser(countArg).default(DEFAULT_RAG_RULES.amberWithinDays))
    .addOption(new Option('--amber-revisions <n>', 'RAG: items re-dated more than this many times are amber').argParser(countArg).default(DEFAULT_RAG_RULES.amberAfterRevisions))
    .option('-o, --output <file>', 'write to this file (required for pdf and xlsx); written whole or not at all')
    .addOption(planOption('the plan to export (needed when there is more than one plan)'))
    .action(async (opts: { format: string; output?: string; asOf?: string; since?: string; meeting?: string; amberDays: number; amberRevisions: number; plan?: string }) => {
      const services = await open();
      const { readForExport } = await import('./plan-io.js');
      const rules = { amberWithinDays: opts.amberDays, amberAfterRevisions: opts.amberRevisions };
      const writeOut = await readForExport(services, { format: opts.format, output: opts.output, asOf: opts.asOf, since: opts.since, meeting: opts.meeting, rules, plan: opts.plan });
      await services.close();
      await writeOut();
    });

  program
    .command('migrate')
    .description('apply database migrations (start-up does this too)')
    .action(async () => {
      const services = await open();
      process.stdout.write(`Database is up to date (${services.database.kind}: ${services.database.location}).\n`);
    });

  program
    .command('serve')
    .description('run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT)')
    .action(async () => {
      const settings = slackSettings(loadConfig());
      if (!settings) throw new UsageError('Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see "Connecting to Slack" in README.md).');
      await serve(() => open(undefined, { serving: true }), settings);
    });

  program
    .command('start')
    .description('run Concerto: the Slack app when Slack is configured, otherwise the console')
    .option('--as <name>', 'who is speaking in the console')
    .action(async (opts: { as?: string }) => {
      const settings = slackSettings(loadConfig());
      if (settings) return serve(() => open(undefined, { serving: true }), settings);
      process.stderr.write(
        'Slack is not configured (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set) — see "Connecting to Slack" in README.md. Opening the console on the embedded database.\n',
      );
      const modules = whileOpening(Promise.all([import('./console.js'), import('./session.js')]));
      const services = await open();
      await ensurePlanLoaded(services);
      const [{ runConsole }, { terminalActor }] = await modules;
      await runConsole(services, await terminalActor(services, opts.as), { json: false });
    });

  registerReminderCommands(program, open, asOfOption);
  registerPlanCommands(program, open, setExit);
  registerGovernanceCommands(program, open, setExit, asOfOption);
  return program;
}

async function serve(opening: () => Promise<Services>, settings: SlackSettings): Promise<void> {
  const modules = whileOpening(Promise.all([import('../slack/app.js'), import('../scheduler/scheduler.js'), import('../slack/notifier.js'), import('../config.js'), import('./shutdown.js')]));
  // The read model's modules too: opening the services imports them, and once the database was open they waited
  // about 0.1 s behind the Slack modules still loading (bench/NOTES.md, stop 36).
  void whileOpening(Promise.all([import('../store/read-model/read-model.js'), import('../store/read-model/model-plan-directory.js'), import('../store/read-model/model-conversation-store.js')]));
  const services = await opening();
  await ensurePlanLoaded(services);
  const [{ startSlackApp }, { startScheduler }, { slackNotifier }, { reminderSettings }, { shutdownRequested }] = await modules;
  const running = await startSlackApp(services, settings);
  // The read model builds in the background; requests read the tables until each plan's model is ready.
  void services.model?.warm().catch((err: unknown) => process.stderr.write(`Read model: ${(err as Error).message}\n`));
  const scheduler = startScheduler({
    database: services.database,
    plans: services.plans,
    ...(services.model ? { model: services.model } : {}),
    clock: services.clock,
    settings: reminderSettings(services.config),
    notifier: slackNotifier(settings),
    onError: (err) => process.stderr.write(`Scheduler: ${(err as Error).message}\n`),
  });
  process.stderr.write(
    running.port === null
      ? 'Concerto is connected to Slack in Socket Mode. Stop with Ctrl-C.\n'
      : `Concerto is serving Slack on port ${running.port}: POST /slack/events, GET /healthz. Stop with Ctrl-C.\n`,
  );
  await shutdownRequested();
  process.stderr.write('Stopping: finishing in-flight requests and closing the database…\n');
  await scheduler.stop();
  await running.stop();
}

/**
 * Starts loading a command's modules before it opens the database, and gives them back when awaited. Opening
 * the embedded database leaves the main thread waiting while its WebAssembly compiles; reading and compiling
 * the command's modules fills that wait instead of following it (0.05–0.1 s of a one-shot `ask`, bench/NOTES.md).
 * If the database fails to open, the modules are not awaited, and a failure to load them must not surface as an
 * unhandled rejection; awaited, it still throws.
 */
function whileOpening<T>(modules: Promise<T>): Promise<T> {
  modules.catch(() => {});
  firstRun().catch(() => {});
  return modules;
}

const firstRun = () => import('../app/first-run.js');

async function ensurePlanLoaded(services: Services): Promise<void> {
  const { ensurePlan } = await firstRun();
  if (await ensurePlan(services.plans, { actor: 'seed', at: services.clock.now().toISOString() })) {
    process.stderr.write('First run: loaded the bundled Concerto Action Plan (4 October 2017).\n');
  }
}

export function clockFor(config: Config, asOf?: string) {
  const at = asOf ?? config.CONCERTO_NOW;
  return at ? travelledClock(parseInstant(at, config.CONCERTO_TIMEZONE ?? 'Europe/London')) : systemClock;
}

