import { queryRows } from '../../src/store/query-rows.js';
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { bundledPlanFile } from '../helpers/ask.js';
import { planStore } from '../helpers/plan-stores.js';
import { CLI_TIMEOUT, runCli, startChat, tempDirs, type ChatProcess } from '../helpers/cli.js';
import { blockTexts, KG, responseTo, settle, SIGNING_SECRET, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { sign } from '../helpers/slack-requests.js';
import {
  CARD_421, HOSTILE_INPUTS, KB100, NO_SUCH, NOT_OWN, NOT_UNDERSTOOD, OWN, REFUSED, TOO_LONG, UNREADABLE, type HostileInput,
} from './hostile-corpus.js';

/**
 * The hostile-input corpus (tests/faults/hostile-corpus.ts) through every door: one piped `chat --json`
 * session and a few `ask` argv calls, then `/concerto`, DMs and @mentions as signed Slack requests, then
 * raw HTTP junk at /slack/events. Every input gets a clear answer (or, over HTTP, a 4xx), the process
 * or server stays up, and nothing is stored: the speaker, Karen Georgiou, only ever asks for changes
 * she may not make or with values that must be refused.
 */

// ---- what a clear answer is ------------------------------------------------------------------------

const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /^\s+at .+:\d+:\d+\)?$/m],
  ['an error class', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|DrizzleError|PostgresError|StoreError)\b/],
  ['database error text', /syntax error at or near|relation "[^"]*" does not exist|violates [\w ]*constraint|duplicate key value|Failed query|invalid byte sequence|pglite/i],
  ['an internal failure', /could not complete that|Something went wrong inside Concerto/i],
];
const PLACEHOLDERS: Array<[string, RegExp]> = [
  ['undefined', /\bundefined\b/],
  ['[object Object]', /\[object Object\]/],
  ['NaN', /\bNaN\b/],
  ['null', /\bnull\b/],
];
// Control characters (but tab and newline) and bidi overrides: an answer never carries them back.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Problems with `answer` as a reply to `input`, each naming the channel and the input. */
function answerProblems(where: string, input: HostileInput, answer: string, expectText = answer): string[] {
  const out: string[] = [];
  const say = (what: string) => out.push(`${where} "${input.name}": ${what} — got ${JSON.stringify(answer.slice(0, 200))}`);
  if (!answer.trim()) say('empty answer');
  for (const [what, re] of LEAKS) if (re.test(answer)) say(`leaks ${what}`);
  for (const [word, re] of PLACEHOLDERS) if (re.test(answer) && !input.text.includes(word)) say(`says "${word}"`);
  if (CONTROL.test(answer)) say('echoes control or bidi characters');
  if (input.expect && !input.expect.test(expectText)) say(`does not match ${input.expect}`);
  return out;
}

/** Slack's three entities and the word joiner the app puts in "@channel", undone for reading. */
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u2060/g, '');
// Live Slack markup the app must never send: broadcasts, mentions, channel and link syntax.
const LIVE_MARKUP = /<[!@#]|<(?:https?|javascript|mailto):/i;

/** A message the app sent to Slack (response_url or chat.postMessage): readable, escaped, within Slack's limits. */
function slackProblems(where: string, input: HostileInput, message: Record<string, any>): string[] {
  const out: string[] = [];
  const say = (what: string) => out.push(`${where} "${input.name}": ${what}`);
  const texts = blockTexts(message.blocks);
  const full = [message.text ?? '', ...texts].join('\n');
  if (typeof message.text !== 'string' || !message.text.trim()) say('no fallback text');
  if (LIVE_MARKUP.test(full)) say(`sends live Slack markup: ${JSON.stringify(full.match(LIVE_MARKUP)?.[0])}`);
  if ((message.text ?? '').length > 3000) say(`fallback text of ${message.text.length} characters`);
  if (Array.isArray(message.blocks) && message.blocks.length > 50) say(`${message.blocks.length} blocks`);
  for (const t of texts) if (t.length > 3000) say(`a block of ${t.length} characters`);
  // The first section carries the reply from its start; the fallback text is only its first line.
  return [...out, ...answerProblems(where, input, unescape(full), unescape(texts[0] ?? message.text ?? ''))];
}

/** Runs `fn` over `items`, `size` at a time. */
async function inBatches<T>(items: readonly T[], size: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)));
}

type Table = 'updates' | 'audit_events' | 'identity_links' | 'conversations' | 'nudge_preferences' | 'recommendations' | 'delivery_dates';
const TABLES: Table[] = ['updates', 'audit_events', 'identity_links', 'conversations', 'nudge_preferences', 'recommendations', 'delivery_dates'];

async function countWhere(database: Pick<Database, 'db'>, from: string): Promise<number> {
  const list = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${from}`));
  return Number(list[0]!.n);
}

async function countRows(database: Pick<Database, 'db'>, tables: readonly Table[] = TABLES): Promise<Record<Table, number>> {
  const out = {} as Record<Table, number>;
  for (const table of tables) out[table] = await countWhere(database, table);
  return out;
}

// ---- the CLI ---------------------------------------------------------------------------------------

describe('hostile inputs through the CLI', () => {
  const dirs = tempDirs();
  let dataDir: string;
  let chat: ChatProcess | undefined;
  beforeAll(() => {
    dataDir = dirs.make('concerto-hostile-');
  });
  afterAll(() => {
    chat?.kill();
    dirs.cleanup();
  });

  it(
    `a piped \`chat --json\` session answers all ${HOSTILE_INPUTS.length} inputs, one JSON reply per line, and exits 0`,
    async () => {
      chat = startChat(['--json', '--as', 'Karen Georgiou'], { dataDir });
      // If anything below fails, the session must not keep the data directory from the tests after it.
      const session = chat;
      onTestFailed(() => session.kill());
      const problems: string[] = [];
      let lines = 0;
      for (const input of HOSTILE_INPUTS) {
        // The console reads one message per line: a message with line breaks is several messages.
        const parts = input.text.split(/\r\n|\r|\n/);
        for (const part of parts) chat.send(part);
        const replies: Array<{ reply: string; items: unknown[]; awaiting: string | null }> = [];
        // The first reply waits for start-up: migrating and seeding a new data directory.
        for (const _ of parts) replies.push(JSON.parse(await chat.nextLine(lines === 0 ? CLI_TIMEOUT : 20_000)));
        lines += parts.length;
        for (const r of replies) {
          // A question about many items also carries how it was read (`query`, issue 14); nothing else is added.
          const keys = Object.keys(r).sort().join();
          if (keys !== 'awaiting,items,reply' && keys !== 'awaiting,items,query,reply') problems.push(`cli "${input.name}": keys ${Object.keys(r)}`);
          // Nothing here may start a conversation: a pending one would capture the next line as an update.
          if (r.awaiting !== null) problems.push(`cli "${input.name}": started a conversation (${r.awaiting})`);
        }
        problems.push(...answerProblems('cli', input, replies.map((r) => r.reply).join('\n'), replies[0]!.reply));
      }
      const result = await chat.end();
      expect(problems).toEqual([]);
      expect(result.code).toBe(0);
      expect(result.signal).toBeNull();
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(lines);
      expect(result.stderr.trim()).toBe('First run: loaded the bundled Concerto Action Plan (4 October 2017).');
    },
    3 * CLI_TIMEOUT,
  );

  it(
    '`ask` with hostile arguments: a sentence and exit 1 each, never an internal error',
    async () => {
      const cases: Array<{ name: string; args: string[]; stdout?: RegExp; stderr?: RegExp; json?: RegExp }> = [
        { name: 'empty message', args: ['ask', ''], stdout: NOT_UNDERSTOOD },
        { name: 'unknown option', args: ['ask', '--evil', 'status 4.2.1'], stderr: /^error: unknown option '--evil'/ },
        {
          name: '100 KB of SQL after --, as JSON',
          args: ['ask', '--json', '--as', 'Karen Georgiou', '--', `update ${NOT_OWN} '; drop table updates; -- ${'z'.repeat(KB100)}`],
          json: REFUSED(NOT_OWN),
        },
      ];
      const check = (c: (typeof cases)[number], r: Awaited<ReturnType<typeof runCli>>): string[] => {
        const out: string[] = [];
        const say = (what: string) => out.push(`ask "${c.name}": ${what} (code ${r.code}, stdout ${JSON.stringify(r.stdout.slice(0, 200))}, stderr ${JSON.stringify(r.stderr.slice(0, 200))})`);
        if (r.code !== 1) say('exit code is not 1');
        if (/^\s+at .+:\d+:\d+/m.test(r.stdout + r.stderr)) say('stack trace');
        if (c.stdout && !c.stdout.test(r.stdout)) say(`stdout does not match ${c.stdout}`);
        if (c.stderr && !c.stderr.test(r.stderr)) say(`stderr does not match ${c.stderr}`);
        if (c.json) {
          const lines = r.stdout.trimEnd().split('\n');
          let reply = '';
          try {
            if (lines.length === 1) reply = (JSON.parse(lines[0]!) as { reply: string }).reply;
          } catch {
            say('stdout is not one JSON object');
          }
          if (!c.json.test(reply)) say(`JSON reply does not match ${c.json}`);
        }
        return out;
      };
      // The unknown option is refused before the data directory is opened, so it runs beside the others;
      // the two that open it take turns (one process at a time may hold it).
      const [refused, ...inTurn] = [cases[1]!, cases[0]!, cases[2]!];
      const early = runCli(refused.args, { dataDir });
      const problems: string[] = [];
      for (const c of inTurn) problems.push(...check(c, await runCli(c.args, { dataDir })));
      problems.push(...check(refused, await early));
      expect(problems).toEqual([]);
    },
    4 * CLI_TIMEOUT,
  );

  it('the data directory holds the bundled plan as seeded, and nothing else', async () => {
    const plan = bundledPlanFile();
    const database = await openDatabase({ dataDir });
    try {
      expect(await countRows(database)).toEqual({
        recommendations: plan.recommendations.length,
        // One delivery date per item: a revision would add one.
        delivery_dates: plan.recommendations.length,
        updates: plan.recommendations.reduce((n, r) => n + (r.updates?.length ?? 0), 0),
        audit_events: (await countWhere(database, `audit_events where actor = 'seed'`)),
        identity_links: 0,
        conversations: 0,
        nudge_preferences: 0,
      });
      expect(await countWhere(database, 'audit_events')).toBeGreaterThanOrEqual(plan.recommendations.length);
    } finally {
      await database.close();
    }
  });
});

// ---- signed Slack requests ----------------------------------------------------------------------------

describe('hostile inputs through signed Slack requests', () => {
  let t: TestApp;
  let before: Record<Table, number>;
  beforeAll(async () => {
    t = await startTestApp();
    // Karen's first request links her Slack id to her plan name: a legitimate write, made before counting.
    await responseTo(t.fake, await t.client.command({ text: 'help', user_id: KG }));
    before = await countRows(t.services.database);
  });
  afterAll(async () => t?.stop());

  it(`/concerto with each of the ${HOSTILE_INPUTS.length} inputs: acked 200 and answered ephemerally`, async () => {
    const problems: string[] = [];
    await inBatches(HOSTILE_INPUTS, 6, async (input) => {
      const res = await t.client.command({ text: input.text, user_id: KG });
      if (res.status !== 200) return void problems.push(`slash "${input.name}": HTTP ${res.status}`);
      const { body } = await responseTo(t.fake, res);
      if (body.response_type !== 'ephemeral') problems.push(`slash "${input.name}": not ephemeral`);
      problems.push(...slackProblems('slash', input, body));
    });
    expect(problems).toEqual([]);
  });

  it(`a DM with each input, one after another in one conversation: one answer each`, async () => {
    const problems: string[] = [];
    const channel = `D${KG}`;
    const answers = () => t.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
    for (const input of HOSTILE_INPUTS) {
      const seen = answers().length;
      const res = await t.client.event(t.client.directMessage({ user: KG, text: input.text }));
      if (res.status !== 200) {
        problems.push(`dm "${input.name}": HTTP ${res.status}`);
        continue;
      }
      const call = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === channel && answers().indexOf(c) >= seen, 10_000);
      problems.push(...slackProblems('dm', input, call.body));
    }
    await settle(t.fake, 200);
    expect(problems).toEqual([]);
    expect(answers()).toHaveLength(HOSTILE_INPUTS.length);
  });

  it('an @mention with each input, each in its own channel: answered there, never opening a thread', async () => {
    const problems: string[] = [];
    await inBatches(HOSTILE_INPUTS, 6, async (input, i) => {
      const channel = `CHOSTILE${i}`;
      const res = await t.client.event(t.client.appMention({ user: KG, channel, text: `<@UBOT> ${input.text}` }));
      if (res.status !== 200) return void problems.push(`mention "${input.name}": HTTP ${res.status}`);
      const { body } = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === channel, 10_000);
      if (body.thread_ts !== undefined) problems.push(`mention "${input.name}": answered in a thread (a conversation started)`);
      problems.push(...slackProblems('mention', input, body));
    });
    await settle(t.fake, 200);
    expect(problems).toEqual([]);
    const mentionAnswers = t.fake.callsTo('chat.postMessage').filter((c) => String(c.body.channel).startsWith('CHOSTILE'));
    expect(mentionAnswers).toHaveLength(HOSTILE_INPUTS.length);
  });

  describe('raw HTTP at /slack/events', () => {
    interface Answer {
      status: number;
      body: string;
      json: any;
      ms: number;
    }
    interface Post {
      body: string | Buffer;
      contentType?: string | null;
      /** 'valid' (default) signs the body; null sends no signature; any other string is sent as the signature. */
      signature?: 'valid' | string | null;
      timestamp?: number | string | null;
      headers?: Record<string, string>;
      path?: string;
      method?: string;
      /** Send the body as a stream, without a content-length. */
      chunked?: boolean;
      /** A request target written as is on the request line, which fetch would not send ("http://[::1"). */
      target?: string;
    }
    const now = () => Math.floor(Date.now() / 1000);
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const json = (v: unknown) => JSON.stringify(v);

    /** A POST with a hand-written request line, over a plain socket; only the status is read. */
    function sendTarget(target: string, body: string): Promise<Answer> {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const socket = connect(t.port, '127.0.0.1', () =>
          socket.write(`POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`),
        );
        let head = '';
        socket.setEncoding('utf8').on('data', (d: string) => (head += d));
        socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), body: '', json: undefined, ms: Date.now() - started }));
        socket.on('error', reject);
        socket.setTimeout(8_000, () => socket.destroy(new Error('no answer within 8 s')));
      });
    }

    /** One request, given up on after 8 s: a hang is a failure, not a timeout of the whole test. */
    async function send(p: Post): Promise<Answer> {
      if (p.target) return sendTarget(p.target, typeof p.body === 'string' ? p.body : p.body.toString('utf8'));
      const ts = p.timestamp === undefined ? now() : p.timestamp;
      const headers: Record<string, string> = { ...(p.contentType === null ? {} : { 'content-type': p.contentType ?? 'application/x-www-form-urlencoded' }) };
      if (ts !== null) headers['x-slack-request-timestamp'] = String(ts);
      const signature = p.signature === undefined || p.signature === 'valid' ? sign(SIGNING_SECRET, ts ?? '', p.body) : p.signature;
      if (signature !== null) headers['x-slack-signature'] = signature;
      Object.assign(headers, p.headers);
      const bytes = typeof p.body === 'string' ? Buffer.from(p.body) : p.body;
      const body = p.chunked
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(new Uint8Array(bytes.subarray(i, i + 64 * 1024)));
              controller.close();
            },
          })
        : new Uint8Array(bytes);
      const method = p.method ?? 'POST';
      const started = Date.now();
      const res = await fetch(`http://127.0.0.1:${t.port}${p.path ?? '/slack/events'}`, {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body, duplex: 'half' }),
        signal: AbortSignal.timeout(8_000),
      } as RequestInit);
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: text, json: parsed, ms: Date.now() - started };
    }

    const interaction = (payload: Record<string, unknown>) => form({ payload: json(payload) });
    const eventBody = (event: unknown, extra: Record<string, unknown> = {}) =>
      json({ token: 'verification-token', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvHOSTILE${Math.random().toString(36).slice(2)}`, event_time: now(), event, ...extra });
    const button = (action_id: string, value: string | undefined, responseId: string) =>
      interaction(t.client.blockAction({ user: KG, action_id, ...(value === undefined ? {} : { value }), channel: 'C1', response_url: t.fake.responseUrl(responseId) }));
    const modal = (private_metadata: string, values: Record<string, Record<string, string | Record<string, unknown>>>) =>
      interaction(t.client.viewSubmission({ user: KG, callback_id: 'concerto_update_modal', private_metadata, values }));
    const field = (text: string, status: string | null, delivery: string, evidence: string) => ({
      update_text: { value: text },
      ...(status === null ? {} : { update_status: { value: { type: 'static_select', selected_option: { value: status, text: { type: 'plain_text', text: status } } } } }),
      update_delivery: { value: delivery },
      update_evidence: { value: evidence },
    });
    const FIVE_MB = 5 * 1024 * 1024;
    const slashBody = (fields: Record<string, string>) =>
      form({ token: 'verification-token', team_id: 'T1', team_domain: 'test', channel_id: 'C1', user_id: KG, command: '/concerto', text: 'status 4.2.1', api_app_id: 'A1', trigger_id: '1.2.3', ...fields });

    /** What the answer posted to a response_url must say (the raw case's `answer`). */
    const answered = (id: string, re: RegExp) => async () => {
      const { body } = await responseTo(t.fake, t.fake.responseUrl(id));
      return { text: unescape([body.text ?? '', ...blockTexts(body.blocks)].join('\n')), first: unescape(blockTexts(body.blocks)[0] ?? body.text ?? ''), re, message: body };
    };
    /** The Update buttons open a modal at once (the trigger lives 3 s) and say in it why the form cannot be shown. */
    const shownInModal = (re: RegExp) => async () => {
      const { body } = await t.fake.waitFor('views.update', (c) => re.test(unescape(blockTexts(c.body.view?.blocks)[0] ?? '')), 10_000);
      const shown = blockTexts(body.view.blocks)[0] ?? '';
      return { text: unescape(shown), first: unescape(shown), re, message: { text: shown, blocks: body.view.blocks, title: body.view.title } };
    };
    /** A modal's Save is acked first; a problem found when saving is told to the person by DM. */
    const toldByDm = (re: RegExp) => async () => {
      const { body } = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === KG && re.test(unescape(String(c.body.text ?? ''))), 10_000);
      const first = unescape(String(body.text));
      return { text: first, first, re, message: body };
    };
    const notSaved = (id: string, why: RegExp) => new RegExp(`^Your update on ${id.replace(/\./g, '\\.')} was not saved\\. ${why.source.replace(/^\^/, '')}`);

    interface RawCase {
      name: string;
      post: () => Post;
      /** The status it must get. */
      status: number;
      /** For a 200 that answers through a response_url: what it must say. */
      answer?: () => Promise<{ text: string; first: string; re: RegExp; message: Record<string, any> }>;
      /** For a 200 whose HTTP body is the answer (a modal's field errors, a challenge). */
      body?: (a: Answer) => string | null;
      /** Slack waits 3 s for an ack it will never get; Bolt then answers 404. */
      slow?: boolean;
    }

    const RAW: RawCase[] = [
      // ---- signatures ----
      { name: 'no signature', post: () => ({ body: slashBody({}), signature: null }), status: 401 },
      { name: 'forged signature', post: () => ({ body: slashBody({}), signature: sign('not-the-secret', now(), slashBody({})) }), status: 401 },
      { name: 'stale timestamp (10 minutes)', post: () => ({ body: slashBody({}), timestamp: now() - 600 }), status: 401 },
      { name: 'future timestamp (10 minutes)', post: () => ({ body: slashBody({}), timestamp: now() + 600 }), status: 401 },
      { name: 'timestamp not a number', post: () => ({ body: slashBody({}), timestamp: 'yesterday' }), status: 401 },
      { name: 'no timestamp', post: () => ({ body: slashBody({}), timestamp: null, signature: sign(SIGNING_SECRET, '', slashBody({})) }), status: 401 },
      { name: 'signature of another body', post: () => ({ body: slashBody({ text: `update ${NOT_OWN} x` }), signature: sign(SIGNING_SECRET, now(), slashBody({})) }), status: 401 },
      { name: 'v1 signature', post: () => ({ body: slashBody({}), signature: sign(SIGNING_SECRET, now(), slashBody({})).replace(/^v0=/, 'v1=') }), status: 401 },
      { name: 'empty signature', post: () => ({ body: slashBody({}), signature: '' }), status: 401 },
      { name: 'signature of hex garbage', post: () => ({ body: slashBody({}), signature: `v0=${'f'.repeat(64)}` }), status: 401 },
      { name: 'unsigned JSON null', post: () => ({ body: 'null', contentType: 'application/json', signature: null }), status: 401 },
      // Bolt's receiver leaves verification to the guard; any target Bolt routes to the endpoint, the guard verifies.
      { name: 'forged signature, query string', post: () => ({ body: slashBody({}), path: '/slack/events?ssl_check=1', signature: sign('not-the-secret', now(), slashBody({})) }), status: 401 },
      { name: 'unsigned, dot segment in the target', post: () => ({ body: eventBody({ type: 'app_mention', user: KG, text: 'hi', channel: 'CDOT' }), target: '/slack/./events' }), status: 401 },
      { name: 'unsigned, upper-case path', post: () => ({ body: slashBody({}), path: '/SLACK/EVENTS', signature: null }), status: 404 },

      // ---- bodies that are not what Slack sends (signed) ----
      { name: 'malformed JSON', post: () => ({ body: '{"type":"event_callback","event":', contentType: 'application/json' }), status: 400 },
      { name: 'empty JSON body', post: () => ({ body: '', contentType: 'application/json' }), status: 400 },
      { name: 'JSON null', post: () => ({ body: 'null', contentType: 'application/json' }), status: 400 },
      { name: 'JSON array', post: () => ({ body: '[]', contentType: 'application/json' }), status: 400 },
      { name: 'JSON string', post: () => ({ body: '"hello"', contentType: 'application/json' }), status: 400 },
      { name: 'JSON number', post: () => ({ body: '42', contentType: 'application/json' }), status: 400 },
      { name: 'JSON true', post: () => ({ body: 'true', contentType: 'application/json' }), status: 400 },
      { name: 'empty object', post: () => ({ body: '{}', contentType: 'application/json' }), status: 400 },
      { name: 'event_callback without event', post: () => ({ body: json({ type: 'event_callback', team_id: 'T1', event_id: 'EvX1' }), contentType: 'application/json' }), status: 400 },
      { name: 'event_callback with event null', post: () => ({ body: json({ type: 'event_callback', team_id: 'T1', event: null, event_id: 'EvX2' }), contentType: 'application/json' }), status: 400 },
      { name: 'event_callback with event a string', post: () => ({ body: json({ type: 'event_callback', team_id: 'T1', event: 'message', event_id: 'EvX3' }), contentType: 'application/json' }), status: 400 },
      { name: 'event without a type', post: () => ({ body: eventBody({ user: KG, text: 'hi' }), contentType: 'application/json' }), status: 400 },
      { name: '__proto__ body', post: () => ({ body: '{"__proto__":{"type":"event_callback","event":{"type":"message"}}}', contentType: 'application/json' }), status: 400 },
      { name: 'JSON nested 100,000 deep', post: () => ({ body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: 'application/json' }), status: 400 },
      // Bolt checks the signature over the body decoded as UTF-8, so bytes that do not decode no longer match it.
      { name: 'invalid UTF-8', post: () => ({ body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), contentType: 'application/json' }), status: 401 },
      { name: 'payload not JSON', post: () => ({ body: 'payload=%7Bnot%20json' }), status: 400 },
      { name: 'payload empty', post: () => ({ body: 'payload=' }), status: 400 },
      { name: 'payload null', post: () => ({ body: 'payload=null' }), status: 400 },
      { name: 'payload array', post: () => ({ body: form({ payload: '[1,2]' }) }), status: 400 },
      { name: 'payload empty object', post: () => ({ body: form({ payload: '{}' }) }), status: 400 },
      { name: 'payload twice', post: () => ({ body: `payload=${encodeURIComponent('{"type":"block_actions"}')}&payload=x` }), status: 400 },
      { name: 'block_actions without actions', post: () => ({ body: interaction({ type: 'block_actions', user: { id: KG }, team: { id: 'T1' } }) }), status: 400 },
      { name: 'block_actions with no actions', post: () => ({ body: interaction({ type: 'block_actions', user: { id: KG }, team: { id: 'T1' }, actions: [] }) }), status: 400 },
      { name: 'block_actions with string actions', post: () => ({ body: interaction({ type: 'block_actions', user: { id: KG }, team: { id: 'T1' }, actions: ['concerto_complete'] }) }), status: 400 },
      { name: 'block_actions without a user', post: () => ({ body: interaction({ ...t.client.blockAction({ user: KG, action_id: 'concerto_complete', value: '5.2' }), user: undefined }) }), status: 400 },
      { name: 'view_submission without a view', post: () => ({ body: interaction({ type: 'view_submission', user: { id: KG }, team: { id: 'T1' } }) }), status: 400 },
      { name: 'view_submission without state', post: () => ({ body: interaction({ type: 'view_submission', user: { id: KG }, team: { id: 'T1' }, view: { callback_id: 'concerto_update_modal', private_metadata: json({ id: OWN }) } }) }), status: 400 },
      { name: 'form that is nothing Slack sends', post: () => ({ body: 'junk=1&more=2' }), status: 400 },
      { name: 'empty form', post: () => ({ body: '' }), status: 400 },
      { name: 'slash command without user_id', post: () => ({ body: form({ command: '/concerto', text: `update ${OWN} x`, response_url: t.fake.responseUrl('no-user') }) }), status: 400 },

      // ---- content types ----
      { name: 'text/plain', post: () => ({ body: 'status 4.2.1', contentType: 'text/plain' }), status: 400 },
      { name: 'application/xml', post: () => ({ body: '<command>/concerto</command>', contentType: 'application/xml' }), status: 400 },
      { name: 'multipart/form-data', post: () => ({ body: '--x\r\nContent-Disposition: form-data; name="command"\r\n\r\n/concerto\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x' }), status: 400 },
      { name: 'form with a charset', post: () => ({ body: slashBody({}), contentType: 'application/x-www-form-urlencoded; charset=utf-16' }), status: 400 },
      { name: 'no content type', post: () => ({ body: slashBody({}), contentType: null }), status: 400 },
      { name: 'JSON content type, form body', post: () => ({ body: slashBody({}), contentType: 'application/json' }), status: 400 },

      // ---- size ----
      { name: '5 MB signed form', post: () => ({ body: `text=${'x'.repeat(FIVE_MB)}` }), status: 413 },
      { name: '5 MB unsigned JSON', post: () => ({ body: `{"a":"${'x'.repeat(FIVE_MB)}"}`, contentType: 'application/json', signature: 'v0=00' }), status: 413 },
      { name: '5 MB chunked, no content-length', post: () => ({ body: `text=${'y'.repeat(FIVE_MB)}`, chunked: true }), status: 413 },
      { name: '3 MB signed junk under the limit', post: () => ({ body: `junk=${'z'.repeat(3 * 1024 * 1024)}` }), status: 400 },

      // ---- methods and paths ----
      { name: 'GET /slack/events', post: () => ({ body: '', method: 'GET' }), status: 404 },
      { name: 'PUT /slack/events', post: () => ({ body: slashBody({}), method: 'PUT' }), status: 404 },
      { name: 'DELETE /slack/events', post: () => ({ body: '', method: 'DELETE' }), status: 404 },
      { name: 'PATCH /slack/events', post: () => ({ body: slashBody({}), method: 'PATCH' }), status: 404 },
      { name: 'HEAD /slack/events', post: () => ({ body: '', method: 'HEAD' }), status: 404 },
      { name: 'POST to an unknown path', post: () => ({ body: slashBody({}), path: '/slack/evil' }), status: 404 },
      { name: 'POST /healthz', post: () => ({ body: slashBody({}), path: '/healthz' }), status: 404 },
      { name: 'GET /slack/install', post: () => ({ body: '', method: 'GET', path: '/slack/install' }), status: 404 },
      { name: 'encoded traversal', post: () => ({ body: '', method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd' }), status: 404 },
      { name: 'broken percent-encoding in the path', post: () => ({ body: '', method: 'GET', path: '/slack/%E0%A4%A' }), status: 404 },
      { name: 'request target no URL parser reads', post: () => ({ body: '{}', target: 'http://[::1' }), status: 400 },
      { name: 'request target with an impossible port', post: () => ({ body: eventBody({ type: 'app_mention', user: KG, text: 'hi', channel: 'CPORT' }), target: 'http://x:99999/slack/events' }), status: 400 },
      { name: 'request target naming another host', post: () => ({ body: slashBody({}), target: '//evil.example/slack/events' }), status: 401 },

      // ---- shaped like Slack, but for nothing this app handles: Bolt's 404 once Slack's 3 s are up ----
      { name: 'unknown action_id', post: () => ({ body: button('evil_action', '4.2.1', 'unknown-action') }), status: 404, slow: true },
      { name: 'unknown view callback_id', post: () => ({ body: interaction(t.client.viewSubmission({ user: KG, callback_id: 'evil_modal', values: {} })) }), status: 404, slow: true },
      { name: 'another slash command', post: () => ({ body: slashBody({ command: '/evil', response_url: t.fake.responseUrl('evil-command') }) }), status: 404, slow: true },
      { name: 'unknown shortcut', post: () => ({ body: interaction({ type: 'shortcut', callback_id: 'evil', user: { id: KG }, team: { id: 'T1' }, trigger_id: '1.2.3' }) }), status: 404, slow: true },

      // ---- acked (Slack needs the 200) and answered ----
      { name: 'url_verification without a challenge', post: () => ({ body: json({ type: 'url_verification', token: 'x' }), contentType: 'application/json' }), status: 200, body: (a) => (a.body === '{}' ? null : `body ${a.body}`) },
      { name: 'url_verification with a hostile challenge', post: () => ({ body: json({ type: 'url_verification', challenge: '<script>alert(1)</script>' }), contentType: 'application/json' }), status: 200, body: (a) => (a.json?.challenge === '<script>alert(1)</script>' ? null : `body ${a.body}`) },
      { name: 'ssl_check, unsigned', post: () => ({ body: 'ssl_check=1&token=x', signature: null }), status: 200 },
      { name: 'ssl_check smuggling a command', post: () => ({ body: slashBody({ ssl_check: '1', text: `update ${NOT_OWN} smuggled`, response_url: t.fake.responseUrl('smuggled') }), signature: null }), status: 200 },
      { name: 'Complete button with SQL', post: () => ({ body: button('concerto_complete', "'; drop table updates; --", 'complete-sql') }), status: 200, answer: answered('complete-sql', /needs a recommendation number/) },
      { name: 'Complete button on an item not hers', post: () => ({ body: button('concerto_complete', NOT_OWN, 'complete-not-own') }), status: 200, answer: answered('complete-not-own', REFUSED(NOT_OWN)) },
      { name: 'Complete button with no value', post: () => ({ body: button('concerto_complete', undefined, 'complete-none') }), status: 200, answer: answered('complete-none', /needs a recommendation number/) },
      { name: 'History button with 100 KB', post: () => ({ body: button('concerto_history', '9'.repeat(KB100), 'history-big') }), status: 200, answer: answered('history-big', /^"9{100}/) },
      { name: 'Update button for an unknown item', post: () => ({ body: button('concerto_open_update', '99.99.99', 'open-unknown') }), status: 200, answer: shownInModal(NO_SUCH('99.99.99')) },
      { name: 'Update button on an item not hers', post: () => ({ body: button('concerto_open_update', NOT_OWN, 'open-not-own') }), status: 200, answer: shownInModal(REFUSED(NOT_OWN)) },
      { name: 'Change date button with markup', post: () => ({ body: button('concerto_change_date', '<!channel>', 'redate-markup') }), status: 200, answer: shownInModal(/^There is no <!channel> in the plan/) },
      { name: 'Snooze button with SQL', post: () => ({ body: button('concerto_snooze', "5.2'; delete from nudge_preferences; --", 'snooze-sql') }), status: 200, answer: answered('snooze-sql', /^There is no 5\.2'; delete from nudge_preferences; -- in the plan/) },
      { name: 'Snooze button for an unknown item', post: () => ({ body: button('concerto_snooze', '99.99.99', 'snooze-unknown') }), status: 200, answer: answered('snooze-unknown', NO_SUCH('99.99.99')) },
      { name: 'Stop-nudges button with 100 KB', post: () => ({ body: button('concerto_mute', 'm'.repeat(KB100), 'mute-big') }), status: 200, answer: answered('mute-big', /^There is no m+…?/) },
      { name: 'choice button that would update', post: () => ({ body: button('concerto_choose', `update ${NOT_OWN} hijacked through a choice`, 'choose-update') }), status: 200, answer: answered('choose-update', REFUSED(NOT_OWN)) },
      { name: 'choice button with control characters', post: () => ({ body: button('concerto_choose', '\u0000\u001B[2J\u202E', 'choose-controls') }), status: 200, answer: answered('choose-controls', NOT_UNDERSTOOD) },
      { name: 'modal with tampered metadata', post: () => ({ body: modal('{not json', field('words', null, '', '')) }), status: 200, body: (a) => (/lost track of its recommendation/.test(a.json?.errors?.update_text ?? '') ? null : `errors ${a.body}`) },
      // The item and who may change it are read from the plan after the ack: the modal closes, and the DM says why.
      { name: 'modal for an unknown item', post: () => ({ body: modal(json({ id: '99.99.99' }), field('words', null, '', '')) }), status: 200, body: (a) => (a.body === '' ? null : `ack ${a.body}`), answer: toldByDm(notSaved('99.99.99', /99\.99\.99 is no longer in the plan/)) },
      { name: 'modal for an item not hers', post: () => ({ body: modal(json({ id: NOT_OWN }), field('hijack', 'complete', '', '')) }), status: 200, body: (a) => (a.body === '' ? null : `ack ${a.body}`), answer: toldByDm(notSaved(NOT_OWN, REFUSED(NOT_OWN))) },
      { name: 'modal with 100 KB text', post: () => ({ body: modal(json({ id: OWN }), field('t'.repeat(KB100), null, 'September 2017', '')) }), status: 200, body: (a) => (TOO_LONG.test(a.json?.errors?.update_text ?? '') ? null : `errors ${a.body}`) },
      { name: 'modal with only zero-width text', post: () => ({ body: modal(json({ id: OWN }), field('\u200B\u200D\u2060', null, 'September 2017', '')) }), status: 200, body: (a) => (/^Write what has happened/.test(a.json?.errors?.update_text ?? '') ? null : `errors ${a.body}`) },
      {
        name: 'modal with a forged status, template date and script evidence',
        // The item's state as the real modal carries it, so the date is checked in the ack.
        post: () => ({ body: modal(json({ id: OWN, status: 'on_going', delivery: 'September 2017', tz: 'Europe/London' }), field('fine words', 'hacked', '{{7*7}}', 'javascript:alert(1)')) }),
        status: 200,
        body: (a) => (UNREADABLE.test(a.json?.errors?.update_delivery ?? '') && /https:\/\//.test(a.json?.errors?.update_evidence ?? '') ? null : `errors ${a.body}`),
      },
      {
        name: 'modal closing the item with SQL as evidence',
        post: () => ({ body: modal(json({ id: OWN }), field('<!channel> done', 'complete', 'September 2017', "'; drop table updates; --")) }),
        status: 200,
        body: (a) => (/https:\/\//.test(a.json?.errors?.update_evidence ?? '') ? null : `errors ${a.body}`),
      },
      { name: 'mention whose text is a number', post: () => ({ body: eventBody({ type: 'app_mention', user: KG, text: 42, channel: 'CNUMBER', ts: '1.000001', event_ts: '1.000001' }), contentType: 'application/json' }), status: 200 },
      { name: 'DM from a bot', post: () => ({ body: eventBody({ type: 'message', channel_type: 'im', channel: 'DBOT', user: KG, bot_id: 'B1', text: `update ${OWN} from a bot`, ts: '1.000002' }), contentType: 'application/json' }), status: 200 },
      { name: 'edited DM', post: () => ({ body: eventBody({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'DEDIT', message: { user: KG, text: `update ${OWN} edited` }, ts: '1.000003' }), contentType: 'application/json' }), status: 200 },
      { name: 'DM without a user', post: () => ({ body: eventBody({ type: 'message', channel_type: 'im', channel: 'DNOUSER', text: `update ${OWN} nobody`, ts: '1.000004' }), contentType: 'application/json' }), status: 200 },
      { name: 'an event type nobody handles', post: () => ({ body: eventBody({ type: 'evil_event', user: KG }), contentType: 'application/json' }), status: 200 },
      { name: 'garbage retry headers', post: () => ({ body: eventBody({ type: 'evil_event' }), contentType: 'application/json', headers: { 'x-slack-retry-num': 'NaN', 'x-slack-retry-reason': '<!channel>' } }), status: 200 },
    ];

    it(`${RAW.length} raw requests: each a 4xx, or a 200 with a clear answer; never a 5xx or a hang`, async () => {
      const problems: string[] = [];
      await inBatches(RAW, 8, async (c) => {
        let a: Answer;
        try {
          a = await send(c.post());
        } catch (err) {
          return void problems.push(`raw "${c.name}": no answer (${(err as Error).message})`);
        }
        if (a.status !== c.status) problems.push(`raw "${c.name}": HTTP ${a.status}, expected ${c.status} (${a.body.slice(0, 120)})`);
        if (a.ms > (c.slow ? 6_000 : 4_000)) problems.push(`raw "${c.name}": took ${a.ms} ms`);
        if (a.status >= 400 && a.body.length > 0 && /\bat .+:\d+:\d+/.test(a.body)) problems.push(`raw "${c.name}": stack trace in the body`);
        const wrong = c.body?.(a);
        if (wrong) problems.push(`raw "${c.name}": ${wrong}`);
        if (c.answer) {
          try {
            const got = await c.answer();
            if (!got.re.test(got.first)) problems.push(`raw "${c.name}": answer ${JSON.stringify(got.first.slice(0, 150))} does not match ${got.re}`);
            problems.push(...slackProblems('raw', { name: c.name, text: '' }, got.message).filter((p) => !/does not match/.test(p)));
          } catch (err) {
            problems.push(`raw "${c.name}": no answer (${(err as Error).message})`);
          }
        }
      });
      expect(problems).toEqual([]);
    });

    it('junk that must not be answered is not: no reply to bots, edits, smuggled or unhandled commands', async () => {
      await settle(t.fake, 300);
      const channels = t.fake.callsTo('chat.postMessage').map((c) => c.body.channel);
      for (const channel of ['DBOT', 'DEDIT', 'DNOUSER']) expect(channels).not.toContain(channel);
      for (const id of ['smuggled', 'no-user', 'evil-command', 'unknown-action']) expect(t.fake.responses(id)).toEqual([]);
      // A mention Slack could not have sent (its text a number) still gets a sentence, not a failure.
      const numbered = t.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'CNUMBER');
      expect(numbered?.body.text).toMatch(NOT_UNDERSTOOD);
    });
  });

  it('afterwards the server is up, answers normally, and nothing was stored', async () => {
    const health = await fetch(`http://127.0.0.1:${t.port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: 'pglite', model: 'ready' });
    const res = await t.client.command({ text: 'status 4.2.1', user_id: KG });
    expect(res.status).toBe(200);
    expect((await responseTo(t.fake, res)).body.text).toMatch(CARD_421);
    await settle(t.fake, 200);
    expect(await countRows(t.services.database)).toEqual(before);
    const store = await planStore(t.services.database.db);
    expect((await store.get(OWN))!.status).toBe('on_going');
    expect((await store.get(NOT_OWN))!.updates.map((u) => u.author)).not.toContain('Karen Georgiou');
  });
});
