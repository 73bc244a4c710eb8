import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fake Slack Web API on loopback: `POST /api/<method>`, `POST /upload/<id>`, `POST /response/<id>`. */

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

export interface UploadedFile { id: string; title?: string; bytes: Buffer; text: string }

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
}

type Handler = (body: Record<string, any>, call: FakeCall) => Record<string, unknown>;

export interface FakeSlackOptions {
  users?: FakeUser[];
  /** Extra or overriding method handlers, e.g. `{ 'team.info': () => ({ ok: true, team: {...} }) }`. */
  handlers?: Record<string, Handler>;
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
  handle(method: string, handler: Handler): void;
  setUsers(users: FakeUser[]): void;
  /** Forgets calls, faults, uploads and the ts counter; keeps users and handlers. */
  reset(): void;
  close(): Promise<void>;
}

const PLAIN = /text$|^title$|comment$|^filename$|^alt_text$|^query$|^token$/;
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
    is_bot: u.is_bot ?? false, tz: u.tz ?? 'Europe/London', tz_offset: u.tz_offset ?? 0,
    profile: { real_name, display_name: u.display_name ?? u.name ?? '' },
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
  let seq = 0;
  const nextTs = () => { seq += 1; return `${1700000000 + Math.floor(seq / 10000)}.${String((seq % 10000) * 100).padStart(6, '0')}`; };
  const nextId = (prefix: string) => { seq += 1; return `${prefix}${String(seq).padStart(8, '0')}`; };

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
    const method = kind === 'api' ? name : kind === 'upload' ? 'upload' : kind === 'response' ? 'response_url' : '';
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

    const queued = nextFaults.find((f) => f.method === method);
    if (queued && --queued.left <= 0) nextFaults = nextFaults.filter((f) => f !== queued);
    const fault = queued?.fault ?? predicates.filter((p) => p.method === method).map((p) => p.pick(body)).find((f) => f) ?? undefined;
    if (fault) call.fault = fault;
    calls.push(call);
    for (const w of [...waiters]) w(call);

    if (fault?.delayMs) await new Promise<void>((r) => { const t = setTimeout(() => { timers.delete(t); r(); }, fault.delayMs); timers.add(t); });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
    };
    if (fault?.status === 429) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter ?? 1) });
    if (fault?.status && fault.status !== 200) return send(fault.status, { ok: false, error: `http_${fault.status}` });
    if (fault?.error) return send(200, { ok: false, error: fault.error });
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
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    responses: (id) => calls.filter((c) => c.method === 'response_url' && c.id === id).map((c) => c.body),
    failNext: (method, fault) => { nextFaults.push({ method, fault, left: fault.times ?? 1 }); },
    failFor: (method, pick) => { predicates.push({ method, pick }); },
    handle: (method, handler) => { handlers[method] = handler; },
    setUsers: (list) => { users = [...list]; },
    reset() {
      calls.length = 0;
      nextFaults = [];
      predicates = [];
      uploads = new Map();
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
