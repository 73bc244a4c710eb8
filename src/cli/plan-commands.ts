import { Option, type Command } from 'commander';
import type { Services } from '../app/services.js';
import type { Reply } from '../core/ask/reply.js';
import { HOLIDAY_CALENDARS } from '../core/reminders/bank-holidays.js';
import { planKeyProblem } from '../core/plan/plan-key.js';
import { EXIT } from './exit.js';

type Open = (asOf?: string) => Promise<Services>;

/**
 * `plans` and `plan create|set|archive|restore`: the terminal's words for the same commands Slack
 * takes after /concerto, so one handler (core/ask/handlers/plans.ts) checks and answers both.
 */
export function registerPlanCommands(program: Command, open: Open, setExit: (code: number) => void): void {
  async function run(message: string, as?: string): Promise<Reply> {
    const services = await open();
    const [{ ask }, { askContext, terminalActor }] = await Promise.all([import('../core/ask/ask.js'), import('./session.js')]);
    const reply = await ask(askContext(services, await terminalActor(services, as)), message);
    if (reply.error) setExit(EXIT.user);
    return reply;
  }
  /** A key with spaces or quotes would be read as more words of the command: refused here, with the key it could be. */
  const badKey = (key: string): boolean => {
    if (!/[\s"']/.test(key)) return false;
    const could = key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    const hint = planKeyProblem(could) === null ? ` Did you mean ${could}?` : '';
    process.stdout.write(`${planKeyProblem(key)}${hint}\n`);
    setExit(EXIT.user);
    return true;
  };
  const say = async (message: string, as?: string): Promise<void> => {
    const reply = await run(message, as);
    const { replyText } = await import('./render.js');
    process.stdout.write(`${replyText(reply)}\n`);
  };

  program
    .command('plans')
    .description('list the plans: key, title, date, timezone, channels, and whether archived')
    .option('--json', 'one JSON object per plan')
    .action(async (opts: { json?: boolean }) => {
      if (!opts.json) return void (await say('plans'));
      const services = await open();
      for (const p of await services.plans.list()) process.stdout.write(`${JSON.stringify(p)}\n`);
    });

  const plan = program.command('plan').description('create a plan, change its settings, archive or restore it (nothing is ever deleted)');
  plan
    .command('create')
    .argument('<key>', 'short key: lower-case letters, digits and hyphens, e.g. audit-2018')
    .requiredOption('--title <title>', 'the plan\'s title, e.g. "Internal audit 2018"')
    .option('--as-of <date>', 'the date of the plan\'s document (YYYY-MM-DD); default today')
    .option('--timezone <zone>', 'IANA timezone for its reminders and dates', 'Europe/London')
    .action(async (key: string, o: { title: string; asOf?: string; timezone: string }) => {
      if (!badKey(key)) await say(`plan create ${key} ${flags({ title: o.title, 'as-of': o.asOf, timezone: o.timezone })}`);
    });
  plan
    .command('set')
    .argument('<key>', 'the plan')
    .option('--title <title>')
    .option('--timezone <zone>', 'IANA timezone, e.g. Europe/London')
    .addOption(new Option('--holidays <calendar>', 'bank holidays its reminders skip').choices([...HOLIDAY_CALENDARS]))
    .option('--admins <ids>', 'Slack user ids who administer this plan, comma-separated (none to clear)')
    .option('--home-channel <id>', 'the Slack channel whose messages are about this plan (none to clear)')
    .option('--digest-channel <id>', 'where its weekly digest goes (none to clear)')
    .addOption(new Option('--sign-off <on|off>', "on: an owner's complete is a proposal a plan admin signs off").choices(['on', 'off']))
    .action(async (key: string, o: Record<string, string | undefined>) => {
      if (badKey(key)) return;
      await say(
        `plan set ${key} ${flags({ title: o.title, timezone: o.timezone, holidays: o.holidays, admins: o.admins, 'home-channel': o.homeChannel, 'digest-channel': o.digestChannel, 'sign-off': o.signOff })}`,
      );
    });
  plan
    .command('archive')
    .argument('<key>')
    .description('make a plan read-only: questions and papers work; changes, nudges and digests stop')
    .action(async (key: string) => void (badKey(key) || (await say(`plan archive ${key}`))));
  plan
    .command('restore')
    .argument('<key>')
    .description('make an archived plan active again')
    .action(async (key: string) => void (badKey(key) || (await say(`plan restore ${key}`))));
}

/** Options back into the words the core reads, each value quoted so spaces survive. */
function flags(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `--${k} "${v!.replace(/"/g, "'")}"`)
    .join(' ');
}
