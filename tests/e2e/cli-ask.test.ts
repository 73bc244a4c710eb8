import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, jsonLines, runCli, startChat, tempDirs, type ChatProcess } from '../helpers/cli.js';

/**
 * The real `concerto` CLI, spawned with CONCERTO_NOW=2017-10-04 on a fresh data directory.
 * The data directory is shared by the tests in order: the chat session's change is visible to
 * the `ask` that follows it.
 */

interface JsonReply {
  reply: string;
  items: Array<{ id: string; status: string; overdue: boolean; delivery: { text: string; end: string | null } }>;
  awaiting: string | null;
  /** The answers offered, when the bot waits for one of a few. */
  choices?: string[];
}

const OVERDUE_4_OCT = ['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2'];

const dirs = tempDirs();
let dataDir: string;
let chat: ChatProcess | undefined;

beforeAll(() => {
  dataDir = dirs.make('concerto-e2e-ask-');
});
afterAll(() => {
  chat?.kill();
  dirs.cleanup();
});

describe('concerto chat and ask on one data directory', () => {
  it(
    'a piped `chat --json` session runs the update conversation, and a second process is kept out meanwhile',
    async () => {
      chat = startChat(['--json', '--as', 'N. Shackleton'], { dataDir });
      const lines = ['update 4.2.1', 'Prioritised list circulated to the DCB', 'awaiting decision', 'end of next month', 'yes', 'history 4.2.1'];

      // First line: wait for its reply, so the first process certainly holds the directory.
      chat.send(lines[0]!);
      const replies: JsonReply[] = [JSON.parse(await chat.nextLine()) as JsonReply];

      const blocked = await runCli(['ask', 'overdue'], { dataDir });
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toBe('');
      expect(blocked.stderr).toContain('Another Concerto process is using the data directory');
      expect(blocked.stderr.trim().split('\n')).toHaveLength(1);

      for (const line of lines.slice(1)) {
        chat.send(line);
        replies.push(JSON.parse(await chat.nextLine()) as JsonReply);
      }
      const result = await chat.end();
      expect(result.code).toBe(0);
      expect(chat.pending()).toEqual([]);

      // Every stdout line is one JSON object with exactly the contract's keys.
      const all = jsonLines<JsonReply>(result.stdout);
      expect(all).toEqual(replies);
      expect(result.stdout.endsWith('\n')).toBe(true);
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(lines.length);
      // `choices` is there exactly when the bot waits for one of a few answers (the status, the date's reading).
      for (const r of all) expect(Object.keys(r).sort()).toEqual(r.choices === undefined ? ['awaiting', 'items', 'reply'] : ['awaiting', 'choices', 'items', 'reply']);
      expect(all.map((r) => r.choices !== undefined)).toEqual([false, true, false, true, false, false]);
      expect(all[1]!.choices).toContain('Awaiting decision');
      expect(all[1]!.choices!.at(-1)).toBe('No change');
      expect(all[3]!.choices).toEqual(['Yes', 'No']);

      expect(all.map((r) => r.awaiting)).toEqual(['update_text', 'status', 'delivery_date', 'confirm_date', null, null]);
      expect(all[3]!.reply).toBe('I read "end of next month" as by 30 Nov 2017. Is that right? (`yes` / `no`, or type the date again)');
      expect(all[4]!.reply.split('\n')[0]).toBe('Saved 4.2.1:');
      expect(all[4]!.items[0]).toMatchObject({ id: '4.2.1', status: 'awaiting_decision', delivery: { text: 'end of next month', end: '2017-11-30' } });

      const history = all[5]!.reply.split('\n');
      expect(history[0]).toBe('History of 4.2.1:');
      expect(history).toContain('Baseline delivery date: (no delivery date given)');
      expect(history).toContain('Current delivery date: end of next month (by 30 Nov 2017) (revised 1×)');
      expect(history.some((l) => /— N\. Shackleton \(cli\): status On-going → Awaiting decision$/.test(l))).toBe(true);
      expect(history.some((l) => /— N\. Shackleton \(cli\): update dated 4 Oct 2017: "Prioritised list circulated to the DCB"$/.test(l))).toBe(true);
      // The first run loaded the bundled plan and said so on stderr, not stdout.
      expect(result.stderr).toContain('First run: loaded the bundled Concerto Action Plan (4 October 2017).');
    },
    3 * CLI_TIMEOUT,
  );

  it(
    'once the first process has gone, `ask "what\'s overdue" --as-of 2017-10-04 --json` prints exactly one JSON line',
    async () => {
      const r = await runCli(['ask', "what's overdue", '--as-of', '2017-10-04', '--json'], { dataDir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const lines = r.stdout.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      const reply = JSON.parse(lines[0]!) as JsonReply;
      // A question about many items also says how it was read (issue 14): the `query` object.
      expect(Object.keys(reply).sort()).toEqual(['awaiting', 'items', 'query', 'reply']);
      expect((reply as unknown as { query: unknown }).query).toEqual({ read: { overdue: true }, understood: ['overdue'], due: { before: '2017-10-04' } });
      expect(reply.awaiting).toBeNull();
      expect(reply.items.map((i) => i.id)).toEqual(OVERDUE_4_OCT);
      expect(reply.items.every((i) => i.overdue)).toBe(true);
      expect(reply.reply.split('\n')[0]).toBe('Overdue · as at 4 Oct 2017 — 6 items');
    },
    CLI_TIMEOUT,
  );

  it(
    '`ask "status 4.9.9"` exits 1 with the sentence on stdout',
    async () => {
      const r = await runCli(['ask', 'status 4.9.9'], { dataDir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('There is no 4.9.9 in the plan — did you mean 4.0.1, 4.0.2, 4.1.1? Type `list` to see every item.\n');
    },
    CLI_TIMEOUT,
  );
});

describe('commands that need no database', () => {
  // Independent of each other and of the data directory above, so they run side by side.
  let results: Record<string, Awaited<ReturnType<typeof runCli>>>;
  beforeAll(async () => {
    const spare = dirs.make('concerto-e2e-nodb-');
    const cases: Record<string, Parameters<typeof runCli>> = {
      when: [['when', 'end of next month', 'Q1 2018', '--as-of', '2017-10-04', '--json'], { dataDir: spare }],
      whenBad: [['when', 'blah', '--json'], { dataDir: spare }],
      help: [['--help'], { dataDir: spare }],
      askHelp: [['ask', '--help'], { dataDir: spare }],
      unknown: [['frobnicate'], { dataDir: spare }],
      mysql: [['ask', 'overdue'], { dataDir: spare, env: { DATABASE_URL: 'mysql://x' } }],
    };
    const entries = await Promise.all(Object.entries(cases).map(async ([k, args]) => [k, await runCli(...args)] as const));
    results = Object.fromEntries(entries);
  }, 2 * CLI_TIMEOUT);

  it('`when "end of next month" "Q1 2018" --json` prints one window per phrase', () => {
    const r = results.when!;
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([
      { text: 'end of next month', start: '2017-11-30', end: '2017-11-30', precision: 'day' },
      { text: 'Q1 2018', start: '2018-01-01', end: '2018-03-31', precision: 'quarter' },
    ]);
  });

  it('`when "blah" --json` exits non-zero with {text, error}', () => {
    const r = results.whenBad!;
    expect(r.code).toBe(1);
    const out = jsonLines<{ text: string; error: string }>(r.stdout);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]!).sort()).toEqual(['error', 'text']);
    expect(out[0]!.text).toBe('blah');
    expect(out[0]!.error).toMatch(/^I can't read "blah" as a date\. Try a month \("March 2018"\)/);
  });

  it('`--help` and `ask --help` exit 0 with usage', () => {
    expect(results.help!.code).toBe(0);
    expect(results.help!.stdout).toMatch(/^Usage: concerto \[options\] \[command\]/);
    for (const cmd of ['chat', 'ask', 'when', 'seed', 'import', 'export']) expect(results.help!.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    expect(results.askHelp!.code).toBe(0);
    expect(results.askHelp!.stdout).toMatch(/^Usage: concerto ask \[options\] <message>/);
    expect(results.askHelp!.stdout).toContain('--as-of <date>');
    expect(results.askHelp!.stdout).toContain('--json');
  });

  it('an unknown command exits 1 and says so', () => {
    const r = results.unknown!;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: unknown command 'frobnicate'");
    expect(r.stdout).toBe('');
  });

  it('a DATABASE_URL that is not PostgreSQL exits 1 with one line naming it', () => {
    const r = results.mysql!;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });
});
