import { Agent, request } from 'undici';

/**
 * The Slack clients' transport: undici's `request` on one keep-alive pool instead of the WHATWG `fetch`
 * that @slack/web-api and Bolt's `respond` use by default. Every reply Concerto posts or sends to a
 * response_url goes through here. `fetch` cost about twice the CPU per call (its streams, its Request,
 * Headers and Response objects, its redirect and CORS steps), and building a `Response` for the answer
 * another twentieth of a busy server's time (bench/NOTES.md). Slack's answers are small JSON, read
 * whole, so the answer is handed over as bytes behind the members those clients read (`ok`, `status`,
 * `statusText`, `url`, `headers.get`/`entries`, `text`, `json`, `arrayBuffer`; tests/unit/slack/slack-fetch.test.ts).
 * Slack's API never redirects: a redirect is refused as `fetch` with `redirect: "error"` refuses it.
 * Anything other than a text or bytes body (a file upload's form) goes to `fetch` as before.
 */
const pool = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

type FetchArgs = Parameters<typeof fetch>;

export async function slackFetch(input: FetchArgs[0], init: FetchArgs[1] = {}): Promise<Response> {
  const body = init.body;
  if (typeof input !== 'string' || (body != null && typeof body !== 'string' && !(body instanceof Uint8Array))) return fetch(input, init);
  const res = await request(input, {
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers as Record<string, string>,
    body: body ?? null,
    signal: init.signal ?? undefined,
    dispatcher: pool,
  });
  if (init.redirect === 'error' && res.statusCode >= 300 && res.statusCode < 400) {
    await res.body.dump();
    throw new TypeError(`Slack answered ${input} with a redirect (HTTP ${res.statusCode}), which the Web API never does; check SLACK_API_URL.`);
  }
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return new SlackAnswer(input, res.statusCode, res.headers, bytes) as unknown as Response;
}

/** An answer read whole: what the Slack clients read of a `Response`. */
class SlackAnswer {
  readonly ok: boolean;
  readonly statusText = '';
  readonly redirected = false;
  readonly type = 'basic';
  readonly headers: AnswerHeaders;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    headers: Record<string, string | string[] | undefined>,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new AnswerHeaders(headers);
  }

  async text(): Promise<string> {
    return this.take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  /** A body is read once, as with `fetch`. */
  private take(): Buffer {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.bodyUsed = true;
    return this.bytes;
  }
}

/** The answer's headers, as undici gives them (names in lower case; a header sent twice as a list). */
class AnswerHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}

  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  getSetCookie(): string[] {
    const v = this.raw['set-cookie'];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) {
      const v = this.get(name);
      if (v !== null) yield [name, v];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  forEach(fn: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) fn(value, name);
  }
}
