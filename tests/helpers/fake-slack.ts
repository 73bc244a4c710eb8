import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on loopback: `POST /api/<method>`, `POST /upload/<id>`, `POST /response/<id>`.
 *
 * As strict as real Slack where it bites (see ../shared/design/slack-platform.md):
 * - **Trigger ids** (`issueTrigger`): `views.open`/`views.push` with a trigger issued more than 3 s before the
 *   call answers `expired_trigger_id`, and a trigger used a second time `exchanged_trigger_id`. The names are
 *   Slack's own, from the views.push reference (docs.slack.dev/reference/methods/views.push, "Errors"):
 *     `exchanged_trigger_id` — "The trigger_id was already exchanged in a previous call."
 *     `expired_trigger_id`   — "The trigger_id is expired."
 *     `invalid_trigger_id`   — "The trigger_id is invalid. Expected format: "132456.7890123.abcdef"."
 *   (api.slack.com/methods/views.open documents the same trigger, and answers a malformed one with
 *   `invalid_arguments` + "invalid `trigger_id`"; its error table is cut short in every copy we found.)
 *   A trigger the fake never issued is accepted by default (tests that hand-craft '1.2.3' or check that a
 *   trigger is passed through unchanged); `unknownTriggers: 'reject'` answers it `invalid_trigger_id`.
 * - **Rate limits** (`rateLimit`, `failNext`/`failFor` with status 429): HTTP 429, `Retry-After`, `{ok:false,error:'ratelimited'}`.
 * - **Posting pace** (opt-in, `pacePostMessage`): about one chat.postMessage per second per channel; a second
 *   message to the same channel within 1 s answers 429 with `Retry-After: 1`.
 * - **Slowness** (`delay`, or `delayMs` on any fault).
 * - **Private files** (`hostFile`): `GET /files-pri/<team>-<id>/download/<name>` gives the bytes only with
 *   `Authorization: Bearer <token>`; without it, as Slack does, a 200 HTML sign-in page (a well-known trap:
 *   the app "downloads" HTML). `files.info` answers a hosted file's object, `file_not_found` otherwise.
 */

export interface FakeUser {
  id: string;
  name?: string; real_name?: string; display_name?: string;
  tz?: string; tz_offset?: number; is_bot?: boolean; deleted?: boolean;
}

/** What to do instead of (or before) answering normally. */
export interface Fault {
  status?: number; // HTTP status; 429 sends `Retry-After` and `{ok:false,error:'ratelimited'}`
  retryAfter?: number; // seconds for `Retry-After` (default 1)
  error?: string; // HTTP 200 with `{ ok:false, error }`
  delayMs?: number; // answer (normally, or with the fault) after this many ms
  times?: number; // how many calls `failNext` applies to (default 1)
}

/** How a `views.open`/`views.push` trigger_id was judged when the call arrived. */
export interface TriggerCheck {
  id: string;
  /** `ok`: issued by this fake, fresh and unused; `unknown`: never issued here (accepted unless `unknownTriggers: 'reject'`). */
  verdict: 'ok' | 'expired' | 'exchanged' | 'unknown' | 'missing';
  /** Epoch ms the trigger was issued (the click or command), for triggers this fake issued. */
  issuedAt?: number;
  /** How old the trigger was when the call arrived. */
  ageMs?: number;
}

export interface UploadedFile { id: string; title?: string; bytes: Buffer; text: string }

/** A file as Slack describes it in a `file_share` message and in `files.info`. */
export interface HostedFile {
  id: string; name: string; title: string; mimetype: string; filetype: string; size: number;
  mode: string; is_external: boolean; user: string;
  url_private: string; url_private_download: string; permalink: string;
}

export interface FakeCall {
  /** Web API method, `'upload'` for `/upload/<id>`, `'response_url'` for `/response/<id>`. */
  method: string;
  /** Parsed body; form fields holding JSON (`blocks`, `view`, …) are parsed back to objects. */
  body: Record<string, any>;
  token: string | undefined;
  /** Epoch ms the request arrived. */
  at: number;
  /** The `<id>` of `/upload/<id>` or `/response/<id>`. */
  id?: string;
  /** The fault applied to this call, if any. */
  fault?: Fault;
  /** Raw bytes of an `/upload/<id>` file. */
  bytes?: Buffer;
  /** On `files.completeUploadExternal`: the files completed, with the bytes uploaded for them. */
  files?: UploadedFile[];
  /** On `views.open`/`views.push`: the trigger_id's age and verdict. */
  trigger?: TriggerCheck;
  /** What Slack itself refused (an expired trigger, the posting pace), as opposed to an injected `fault`. */
  refusal?: Fault;
  /** The HTTP status and JSON body the fake answered with (set once answered). */
  status?: number;
  response?: Record<string, any>;
}

type Handler = (body: Record<string, any>, call: FakeCall) => Record<string, unknown>;

export interface FakeSlackOptions {
  users?: FakeUser[];
  /** Extra or overriding method handlers, e.g. `{ 'team.info': () => ({ ok: true, team: {...} }) }`. */
  handlers?: Record<string, Handler>;
  /** What `views.open`/`views.push` do with a trigger_id this fake never issued (default `'accept'`). */
  unknownTriggers?: 'accept' | 'reject';
  /** How long an issued trigger lasts (default 3000 ms, Slack's). */
  triggerLifetimeMs?: number;
  /** Pace chat.postMessage to one message per second per channel from the start (see `pacePostMessage`). */
  pacePostMessage?: boolean;
}

export interface RateLimit {
  /** Seconds sent in `Retry-After` (default 1). */
  retryAfter?: number;
  /**
   * Refuse exactly the next `times` calls (each with `Retry-After: retryAfter`). Without it the limit is a
   * window, as Slack's is: the first call is refused, and so is every call in the `retryAfter` seconds after
   * it (with the seconds left); after that the method answers again.
   */
  times?: number;
  /** Only calls whose body matches count (e.g. one user's users.info). */
  when?: (body: Record<string, any>) => boolean;
}

export interface FakeSlack {
  /** Base URL ending in `/api/`, for `slackApiUrl`. */
  readonly url: string;
  readonly origin: string;
  readonly calls: FakeCall[];
  callsTo(method: string): FakeCall[];
  waitFor(method: string, predicate?: (call: FakeCall) => boolean, timeoutMs?: number): Promise<FakeCall>;
  /** A response_url served by this fake; what the app POSTs there is recorded as method `'response_url'`. */
  responseUrl(id: string): string;
  /** JSON bodies POSTed to `responseUrl(id)`, in order. */
  responses(id: string): Record<string, any>[];
  failNext(method: string, fault: Fault): void;
  /** Applies `predicate(body)`'s fault (if not null) to every call to `method` until `reset()`. */
  failFor(method: string, predicate: (body: Record<string, any>) => Fault | null | undefined): void;
  /** Rate-limits `method`: HTTP 429 with `Retry-After` (see `RateLimit` for the window). Until `reset()`. */
  rateLimit(method: string, limit?: RateLimit): void;
  /** Answers `method` `ms` late: every call until `reset()`, or the next `times`; only calls matching `when`. */
  delay(method: string, ms: number, opts?: { times?: number; when?: (body: Record<string, any>) => boolean }): void;
  /** One chat.postMessage per second per channel: a second one within 1 s answers 429, `Retry-After: 1`. */
  pacePostMessage(on?: boolean): void;
  /**
   * A trigger_id as Slack puts in a command, block action or view submission, issued now (or `ageMs` ago).
   * `views.open`/`views.push` accept it once, within 3 s of its issue.
   */
  issueTrigger(opts?: { ageMs?: number }): string;
  /** When a trigger this fake issued was issued (epoch ms), else undefined. */
  triggerIssuedAt(id: string): number | undefined;
  handle(method: string, handler: Handler): void;
  /**
   * Keeps a file as if a person had uploaded it, and returns its object as Slack puts it in a `file_share`
   * message (downloadable from this fake with a bearer token). `size` may claim other than the bytes' length.
   */
  hostFile(file: { name: string; bytes: Buffer; user: string; mimetype?: string; filetype?: string; size?: number; id?: string }): HostedFile;
  setUsers(users: FakeUser[]): void;
  /** Changes one user in the directory (users.info, users.list), e.g. `{ deleted: true }`. */
  updateUser(id: string, patch: Partial<FakeUser>): void;
  /** Forgets calls, faults, rate limits, pacing, triggers, uploads and the ts counter; keeps users and handlers. */
  reset(): void;
  /**
   * Forgets the calls recorded so far and nothing else: a load generator that waits for each answer
   * before it sends does not need them, and keeping every one (bodies and all) over a long run made its
   * own collections, and `waitFor`'s look through them, part of what it measured.
   */
  forgetCalls(): void;
  close(): Promise<void>;
}

const PLAIN = /text$|^title$|comment$|^filename$|^alt_text$|^query$|^token$/;
const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf', csv: 'text/csv', tsv: 'text/tab-separated-values', json: 'application/json',
};

function parseFields(obj: Record<string, unknown>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v;
    if (typeof v === 'string' && /^\s*[[{]/.test(v) && !PLAIN.test(k)) {
      try { out[k] = JSON.parse(v); } catch { /* keep the string */ }
    }
  }
  return out;
}

function userRecord(u: FakeUser) {
  const real_name = u.real_name ?? u.name ?? u.id;
  return {
    id: u.id, team_id: 'T1', name: u.name ?? u.id.toLowerCase(), real_name, deleted: u.deleted ?? false,
    is_bot: u.is_bot ?? false, is_app_user: false, tz: u.tz ?? 'Europe/London', tz_offset: u.tz_offset ?? 0,
    profile: {
      real_name, real_name_normalized: real_name, display_name: u.display_name ?? u.name ?? '', display_name_normalized: u.display_name ?? u.name ?? '',
      ...(u.is_bot ? { bot_id: `B${u.id.slice(1)}` } : {}),
    },
  };
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: FakeCall[] = [];
  const waiters = new Set<(call: FakeCall) => void>();
  const timers = new Set<NodeJS.Timeout>();
  let users = [...(options.users ?? [])];
  let nextFaults: { method: string; fault: Fault; left: number }[] = [];
  let predicates: { method: string; pick: (body: Record<string, any>) => Fault | null | undefined }[] = [];
  let uploads = new Map<string, Buffer>();
  const hosted = new Map<string, { file: HostedFile; bytes: Buffer }>();
  let seq = 0;
  const lifetime = options.triggerLifetimeMs ?? 3000;
  let triggers = new Map<string, { issuedAt: number; usedAt?: number }>();
  let triggerSeq = 0;
  let pacing = options.pacePostMessage ?? false;
  let lastPost = new Map<string, number>();
  const nextTs = () => { seq += 1; return `${1700000000 + Math.floor(seq / 10000)}.${String((seq % 10000) * 100).padStart(6, '0')}`; };
  const nextId = (prefix: string) => { seq += 1; return `${prefix}${String(seq).padStart(8, '0')}`; };

  /** Slack's own refusals, judged when the call arrives: a stale or reused trigger, posting too fast. */
  function refusalOf(method: string, body: Record<string, any>, call: FakeCall): Fault | undefined {
    if (method === 'views.open' || method === 'views.push') {
      const id = typeof body.trigger_id === 'string' ? body.trigger_id : '';
      if (!id) {
        if (body.interactivity_pointer) return undefined;
        call.trigger = { id, verdict: 'missing' };
        return { error: 'invalid_arguments' };
      }
      const issued = triggers.get(id);
      if (!issued) {
        call.trigger = { id, verdict: 'unknown' };
        return options.unknownTriggers === 'reject' ? { error: 'invalid_trigger_id' } : undefined;
      }
      const ageMs = call.at - issued.issuedAt;
      const verdict = issued.usedAt !== undefined ? 'exchanged' : ageMs > lifetime ? 'expired' : 'ok';
      call.trigger = { id, verdict, issuedAt: issued.issuedAt, ageMs };
      if (verdict === 'exchanged') return { error: 'exchanged_trigger_id' };
      if (verdict === 'expired') return { error: 'expired_trigger_id' };
      issued.usedAt = call.at;
      return undefined;
    }
    if (method === 'chat.postMessage' && pacing) {
      const channel = String(body.channel ?? '');
      const last = lastPost.get(channel);
      if (last !== undefined && call.at - last < 1000) return { status: 429, retryAfter: 1 };
      lastPost.set(channel, call.at);
    }
    return undefined;
  }

  const viewAnswer = (b: Record<string, any>) => ({ ok: true, view: { ...b.view, id: b.view_id ?? nextId('V'), team_id: 'T1', hash: nextId('h'), app_id: 'A1', bot_id: 'BBOT' } });
  const handlers: Record<string, Handler> = {
    'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Test', user: 'concerto', url: 'https://test.slack.com/' }),
    'chat.postMessage': (b) => {
      const ts = nextTs();
      return { ok: true, channel: b.channel, ts, message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', text: b.text ?? '', blocks: b.blocks, thread_ts: b.thread_ts, ts } };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'chat.update': (b) => ({ ok: true, channel: b.channel, ts: b.ts, text: b.text ?? '', message: { text: b.text ?? '', blocks: b.blocks } }),
    'chat.delete': (b) => ({ ok: true, channel: b.channel, ts: b.ts }),
    'views.open': viewAnswer, 'views.publish': viewAnswer, 'views.update': viewAnswer, 'views.push': viewAnswer,
    'users.info': (b) => {
      const u = users.find((x) => x.id === b.user);
      return u ? { ok: true, user: userRecord(u) } : { ok: false, error: 'user_not_found' };
    },
    'users.list': (b) => {
      const from = Number(b.cursor || 0);
      const limit = Number(b.limit) > 0 ? Number(b.limit) : users.length;
      const next = from + limit < users.length ? String(from + limit) : '';
      return { ok: true, members: users.slice(from, from + limit).map(userRecord), response_metadata: { next_cursor: next } };
    },
    'conversations.open': (b) => ({ ok: true, channel: { id: b.channel ?? `D${String(b.users ?? '').split(',')[0]}` } }),
    'files.getUploadURLExternal': () => { const file_id = nextId('F'); return { ok: true, file_id, upload_url: `${origin}/upload/${file_id}` }; },
    'files.completeUploadExternal': (b, call) => {
      const files = (Array.isArray(b.files) ? b.files : []) as { id: string; title?: string }[];
      call.files = files.map((f) => { const bytes = uploads.get(f.id) ?? Buffer.alloc(0); return { ...f, bytes, text: bytes.toString('utf8') }; });
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
    },
    upload: (_b, call) => { uploads.set(call.id ?? '', call.bytes ?? Buffer.alloc(0)); return { ok: true }; },
    response_url: () => ({ ok: true }),
    'files.info': (b) => {
      const found = hosted.get(String(b.file ?? ''));
      return found ? { ok: true, file: found.file, comments: [], response_metadata: { next_cursor: '' } } : { ok: false, error: 'file_not_found' };
    },
    ...options.handlers,
  };

  async function readBody(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const [, kind, name = ''] = path.split('/');
    const method = kind === 'api' ? name : kind === 'upload' ? 'upload' : kind === 'response' ? 'response_url' : kind === 'files-pri' ? 'file_download' : '';
    const type = String(req.headers['content-type'] ?? '');
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    let body: Record<string, any> = {};
    const call: FakeCall = { method, body, token: auth, at: Date.now() };
    if (kind !== 'api') call.id = decodeURIComponent(name);
    if (type.includes('application/json')) {
      try { body = parseFields(JSON.parse(raw.toString('utf8') || '{}')); } catch { body = { _raw: raw.toString('utf8') }; }
    } else if (type.includes('multipart/form-data') || type.includes('x-www-form-urlencoded')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      for (const [k, v] of form.entries()) {
        if (typeof v === 'string') body[k] = v;
        else call.bytes = Buffer.from(await v.arrayBuffer());
      }
      body = parseFields(body);
    } else if (raw.length) call.bytes = raw;
    call.body = body;
    call.token ??= typeof body.token === 'string' ? body.token : undefined;
    if (kind === 'upload') call.bytes ??= raw;
    if (kind === 'files-pri') {
      // /files-pri/<team>-<id>/download/<name>
      call.id = decodeURIComponent(name).replace(/^[A-Z0-9]+-/, '');
      calls.push(call);
      for (const w of [...waiters]) w(call);
      const found = hosted.get(call.id);
      const fault = nextFaults.find((f) => f.method === 'file_download');
      if (fault && --fault.left <= 0) nextFaults = nextFaults.filter((f) => f !== fault);
      if (fault?.fault.delayMs) await new Promise<void>((r) => { const t = setTimeout(() => { timers.delete(t); r(); }, fault.fault.delayMs); timers.add(t); });
      if (fault?.fault.status) { call.status = fault.fault.status; return void res.writeHead(fault.fault.status, { 'content-type': 'text/plain' }).end('fault'); }
      if (!auth) { call.status = 200; return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>'); }
      if (!found) { call.status = 404; return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'); }
      call.status = 200;
      return void res.writeHead(200, { 'content-type': found.file.mimetype, 'content-length': String(found.bytes.length) }).end(found.bytes);
    }

    const queued = nextFaults.find((f) => f.method === method);
    if (queued && --queued.left <= 0) nextFaults = nextFaults.filter((f) => f !== queued);
    // The first rule that applies wins; later ones are not consulted (so a counted `times` is not used up).
    let fault = queued?.fault;
    for (const p of predicates) {
      if (fault) break;
      if (p.method === method) fault = p.pick(body) ?? undefined;
    }
    if (fault) call.fault = fault;
    // A fault that only slows the answer still lets Slack judge the call, as it arrived.
    const refusal = kind === 'api' && call.token && !(fault?.error || (fault?.status && fault.status !== 200)) ? refusalOf(method, body, call) : undefined;
    if (refusal) call.refusal = refusal;
    calls.push(call);
    for (const w of [...waiters]) w(call);

    if (fault?.delayMs) await new Promise<void>((r) => { const t = setTimeout(() => { timers.delete(t); r(); }, fault.delayMs); timers.add(t); });
    const send = (status: number, payload: Record<string, any>, headers: Record<string, string> = {}) => {
      call.status = status;
      call.response = payload;
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
    };
    const answer = fault?.error || (fault?.status && fault.status !== 200) ? fault : (refusal ?? fault);
    if (answer?.status === 429) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(answer.retryAfter ?? 1) });
    if (answer?.status && answer.status !== 200) return send(answer.status, { ok: false, error: `http_${answer.status}` });
    if (answer?.error) return send(200, { ok: false, error: answer.error });
    const handler = handlers[method];
    if (!handler) return send(kind === 'api' ? 200 : 404, { ok: false, error: kind === 'api' ? 'unknown_method' : 'not_found' });
    if (kind === 'api' && !call.token) return send(200, { ok: false, error: 'not_authed' });
    send(200, handler(body, call));
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => { if (!res.headersSent) res.writeHead(500).end(String(err)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    url: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(method, predicate = () => true, timeoutMs = 5000) {
      const match = (c: FakeCall) => c.method === method && predicate(c);
      const found = calls.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (c: FakeCall) => { if (match(c)) { done(); resolve(c); } };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`fake Slack: no matching ${method} call within ${timeoutMs} ms; calls so far: ${calls.map((c) => c.method).join(', ') || 'none'}`));
        }, timeoutMs);
        const done = () => { clearTimeout(timer); waiters.delete(waiter); };
        waiters.add(waiter);
      });
    },
    forgetCalls: () => void (calls.length = 0),
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    responses: (id) => calls.filter((c) => c.method === 'response_url' && c.id === id).map((c) => c.body),
    failNext: (method, fault) => { nextFaults.push({ method, fault, left: fault.times ?? 1 }); },
    failFor: (method, pick) => { predicates.push({ method, pick }); },
    rateLimit(method, limit = {}) {
      const retryAfter = limit.retryAfter ?? 1;
      const when = limit.when ?? (() => true);
      if (limit.times !== undefined) {
        let left = limit.times;
        predicates.push({ method, pick: (body) => (left > 0 && when(body) ? (left--, { status: 429, retryAfter }) : null) });
        return;
      }
      let until: number | undefined;
      predicates.push({
        method,
        pick: (body) => {
          if (!when(body)) return null;
          const now = Date.now();
          until ??= now + retryAfter * 1000;
          return now < until ? { status: 429, retryAfter: Math.max(1, Math.ceil((until - now) / 1000)) } : null;
        },
      });
    },
    delay(method, ms, opts = {}) {
      let left = opts.times ?? Infinity;
      const when = opts.when ?? (() => true);
      predicates.push({ method, pick: (body) => (left > 0 && when(body) ? (left--, { delayMs: ms }) : null) });
    },
    pacePostMessage: (on = true) => { pacing = on; lastPost = new Map(); },
    issueTrigger(opts = {}) {
      triggerSeq += 1;
      const id = `${String(Date.now()).slice(-10)}${String(triggerSeq % 100).padStart(2, '0')}.${Math.floor(1e10 + Math.random() * 9e10)}.${randomBytes(16).toString('hex')}`;
      triggers.set(id, { issuedAt: Date.now() - (opts.ageMs ?? 0) });
      return id;
    },
    triggerIssuedAt: (id) => triggers.get(id)?.issuedAt,
    handle: (method, handler) => { handlers[method] = handler; },
    hostFile(f) {
      const id = f.id ?? nextId('F');
      const filetype = f.filetype ?? (f.name.split('.').pop() ?? 'binary').toLowerCase();
      const mimetype = f.mimetype ?? MIME[filetype] ?? 'application/octet-stream';
      const path = `${origin}/files-pri/T1-${id}`;
      const file: HostedFile = {
        id, name: f.name, title: f.name, mimetype, filetype, size: f.size ?? f.bytes.length, mode: 'hosted', is_external: false, user: f.user,
        url_private: `${path}/${encodeURIComponent(f.name)}`, url_private_download: `${path}/download/${encodeURIComponent(f.name)}`,
        permalink: `https://test.slack.com/files/${f.user}/${id}/${encodeURIComponent(f.name)}`,
      };
      hosted.set(id, { file, bytes: f.bytes });
      return file;
    },
    setUsers: (list) => { users = [...list]; },
    updateUser: (id, patch) => { users = users.map((u) => (u.id === id ? { ...u, ...patch } : u)); },
    reset() {
      calls.length = 0;
      nextFaults = [];
      predicates = [];
      uploads = new Map();
      triggers = new Map();
      pacing = options.pacePostMessage ?? false;
      lastPost = new Map();
      seq = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
