import type { Command } from 'commander';
import type { Services } from '../app/services.js';
import type { Reply } from '../core/ask/reply.js';
import { EXIT } from './exit.js';
import { planOption, type AsOfOption } from './program.js';

type Open = (asOf?: string) => Promise<Services>;
interface Who {
  as?: string;
  plan?: string;
  asOf?: string;
}

/**
 * Boards, meetings, decisions and `awaiting`: the terminal's words for the same commands Slack takes
 * after /concerto, so one handler (core/ask/handlers/governance.ts) checks and answers both.
 */
export function registerGovernanceCommands(program: Command, open: Open, setExit: (code: number) => void, asOfOption: AsOfOption): void {
  async function run(message: string, who: Who): Promise<Reply> {
    const services = await open(who.asOf);
    const [{ ensurePlan }, { ask }, { askContext, terminalActor }] = await Promise.all([import('../app/first-run.js'), import('../core/ask/ask.js'), import('./session.js')]);
    // A fresh clone has no plan until the first command loads the bundled one, as `ask` does.
    await ensurePlan(services.plans, { actor: 'seed', at: services.clock.now().toISOString() });
    const reply = await ask(askContext(services, await terminalActor(services, who.as), who.plan), message);
    if (reply.error) setExit(EXIT.user);
    return reply;
  }
  const say = async (message: string, who: Who): Promise<void> => {
    const reply = await run(message, who);
    const { replyText } = await import('./render.js');
    process.stdout.write(`${replyText(reply)}\n`);
  };
  /** `--json`: one object per meeting or decision; a refusal still prints its sentence. */
  const list = async (message: string, who: Who & { json?: boolean }, pick: (r: Reply) => readonly object[] | undefined): Promise<void> => {
    const reply = await run(message, who);
    const { replyText } = await import('./render.js');
    if (!who.json || reply.error) return void process.stdout.write(`${replyText(reply)}\n`);
    for (const row of pick(reply) ?? []) process.stdout.write(`${JSON.stringify(row)}\n`);
  };
  const asOption = (c: Command) =>
    c.option('--as <name>', 'who is speaking: an owner name such as "Karen Georgiou" (default: you, as an admin)').addOption(planOption()).addOption(asOfOption());

  asOption(program.command('boards').description('list the plan\'s boards (SAS, JCOB…)'))
    .option('--json', 'one JSON object per board')
    .action((o: Who & { json?: boolean }) => list('boards', o, (r) => r.governance?.boards));

  const board = program.command('board').description('add a board the plan reports to (admins)');
  asOption(board.command('add').argument('<name>', 'short name, e.g. SAS').option('--title <title>', 'its full name, e.g. "Strategic Alliance Summit"')).action(
    (name: string, o: Who & { title?: string }) => say(`board add ${name}${o.title !== undefined ? ` --title ${quote(o.title)}` : ''}`, o),
  );

  asOption(program.command('meetings').description('list meetings with their paper deadlines: upcoming first (soonest first), then past (latest first)'))
    .option('--board <name>', 'only this board\'s meetings')
    .option('--json', 'one JSON object per meeting: { id, board, date, papersBy }')
    .action((o: Who & { board?: string; json?: boolean }) => list(`meetings${o.board ? ` ${o.board}` : ''}`, o, (r) => r.governance?.meetings));

  const meeting = program.command('meeting').description('add a meeting of a board (admins)');
  asOption(
    meeting
      .command('add')
      .argument('<board>', 'the board, e.g. SAS')
      .argument('<date...>', 'one day: 2017-10-12, "12 October 2017", "next Thursday"')
      .option('--papers-by <date>', 'when its papers are due (default: five working days before)'),
  ).action((boardName: string, date: string[], o: Who & { papersBy?: string }) =>
    say(`meeting add ${boardName} ${date.join(' ')}${o.papersBy ? ` --papers-by ${quote(o.papersBy)}` : ''}`, o),
  );

  asOption(
    program
      .command('decision')
      .description('record a board decision (admins): decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6, 4.0.1')
      .argument('<board>', 'the board, e.g. SAS')
      .argument('<date>', 'the day of its meeting (or, with --on, any day)')
      .argument('<text>', 'the decision in the board\'s words')
      .argument('[affects...]', 'optionally: affects 1.1, 3.6, 4.0.1')
      .option('--affects <ids>', 'the items it affects, comma-separated, e.g. 1.1,3.6')
      .option('--corrects <n>', 'the number of an earlier decision this one corrects (see `decisions`)')
      .option('--on', 'taken outside any meeting, on that day'),
  ).action((boardName: string, date: string, text: string, words: string[], o: Who & { affects?: string; corrects?: string; on?: boolean }) => {
    const ids = [...words.filter((w) => !/^affect(s|ing)?$/i.test(w)), ...(o.affects ? [o.affects] : [])].join(',').split(/[\s,]+/).filter(Boolean);
    const tail = [ids.length ? `affects ${ids.join(', ')}` : '', o.corrects ? `--corrects ${o.corrects}` : ''].filter(Boolean).join(' ');
    return say(`decision ${boardName} ${o.on ? 'on ' : ''}${date} ${quote(text)} ${tail}`.trim(), o);
  });

  asOption(program.command('decisions').description('the decision log, oldest first, with corrections linked'))
    .option('--board <name>', 'only this board\'s decisions')
    .option('--since <date>', 'only decisions on or after this day (e.g. 2017-10-01, "October")')
    .option('--json', 'one JSON object per decision')
    .action((o: Who & { board?: string; since?: string; json?: boolean }) =>
      list(`decisions${o.board ? ` --board ${quote(o.board)}` : ''}${o.since ? ` --since ${quote(o.since)}` : ''}`, o, (r) => r.governance?.decisions),
    );

  asOption(
    program
      .command('awaiting')
      .description('mark an item Awaiting decision and say what it waits on (its owners or an admin)')
      .argument('<id>', 'the item, e.g. 1.1')
      .argument('<what...>', 'what it waits on, e.g. "agreement of new governance framework"')
      .option('--from <board>', 'the board that must decide, e.g. SAS'),
  ).action((id: string, what: string[], o: Who & { from?: string }) => say(`awaiting ${id} ${quote(what.join(' '))}${o.from ? ` from ${o.from}` : ''}`, o));
}

/** A value back into the words the core reads: quoted so spaces survive; inner double quotes become single. */
const quote = (v: string) => `"${v.replace(/["\u201C\u201D]/g, "'")}"`;
