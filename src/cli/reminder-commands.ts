import { setTimeout as sleep } from 'node:timers/promises';
import { Option, type Command } from 'commander';
import type { Services } from '../app/services.js';
import { loadConfig, reminderSettings, slackSettings } from '../config.js';

/** The scheduler's and the outbox's code, loaded when a command here runs (see program.ts). */
const load = async () => {
  const [{ ensurePlan }, { drainOutbox }, { runTick }, { slackNotifier }, { OutboxStore }] = await Promise.all([
    import('../app/first-run.js'),
    import('../scheduler/dispatcher.js'),
    import('../scheduler/tick.js'),
    import('../slack/notifier.js'),
    import('../store/outbox-store.js'),
  ]);
  return { ensurePlan, drainOutbox, runTick, slackNotifier, OutboxStore };
};
import type { OutboxStatus } from '../store/outbox-store.js';
import type { AsOfOption } from './program.js';

type Open = (asOf?: string) => Promise<Services>;

/** `concerto tick` (one scheduler pass, by hand or from cron) and `concerto outbox` (what was sent). */
export function registerReminderCommands(program: Command, open: Open, asOfOption: AsOfOption): void {
  program
    .command('tick')
    .description('run one scheduler pass: decide the nudges and digest due now, queue them, and send them')
    .addOption(asOfOption())
    .option('--dry-run', 'print what would be sent; change nothing')
    .option('--json', 'print one JSON object per message: { kind, item, to, key }')
    .action(async (opts: { asOf?: string; dryRun?: boolean; json?: boolean }) => {
      const config = loadConfig();
      const services = await open(opts.asOf);
      const { ensurePlan, runTick, drainOutbox, slackNotifier, OutboxStore } = await load();
      await ensurePlan(services.plans, { actor: 'seed', at: services.clock.now().toISOString() });
      const result = await runTick(services.database, services.clock.now(), reminderSettings(config), Boolean(opts.dryRun));
      for (const m of result.messages) {
        process.stdout.write(opts.json ? `${JSON.stringify(m)}\n` : `${opts.dryRun ? 'would send' : 'queued'} ${m.kind} ${m.item ?? ''} → ${m.to}  (${m.key})\n`);
      }
      if (result.skipped) process.stderr.write('Another scheduler pass is running; it will send what is due.\n');
      if (opts.dryRun) return;
      const slack = slackSettings(config);
      if (!slack) {
        process.stderr.write(`${result.messages.length} new message(s) queued. Slack is not configured, so the outbox keeps them until it is (see \`concerto outbox\`).\n`);
        return;
      }
      const sent = await drainOutbox(new OutboxStore(services.database.db), slackNotifier(slack), services.clock, (ms) => sleep(ms));
      process.stderr.write(`Sent ${sent.sent}; deferred ${sent.deferred}; dead ${sent.dead}; unknown ${sent.unknown}.\n`);
    });

  program
    .command('outbox')
    .description('list messages in the outbox: pending, sent, dead and unknown')
    .addOption(new Option('--status <status>', 'only this status').choices(['pending', 'sending', 'sent', 'dead', 'unknown']))
    .option('--json', 'one JSON object per message')
    .action(async (opts: { status?: OutboxStatus; json?: boolean }) => {
      const services = await open();
      const { OutboxStore } = await load();
      const outbox = new OutboxStore(services.database.db);
      const rows = await outbox.list(opts.status ?? null);
      if (opts.json) {
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      const counts = await outbox.counts();
      process.stdout.write(`Outbox: ${Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ') || 'empty'}\n`);
      const paused = await outbox.pausedUntil(services.clock.now().toISOString());
      if (paused) process.stdout.write(`Sending is paused until ${paused}: Slack asked us to wait (rate limited).\n`);
      // A digest's details are rows of kind digest_part, keyed <digest key>#1, #2…: the column widens for them.
      const kindWidth = Math.max(9, ...rows.map((r) => r.kind.length));
      for (const r of rows) {
        process.stdout.write(`${r.status.padEnd(8)} ${r.kind.padEnd(kindWidth)} ${(r.item ?? '-').padEnd(7)} → ${r.recipient}  ${r.key}${r.lastError ? `  (${r.lastError})` : ''}\n`);
      }
    });
}
