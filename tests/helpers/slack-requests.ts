import { createHmac, randomBytes } from 'node:crypto';

/** Requests to a Bolt app's HTTP endpoint, shaped and signed exactly as Slack sends them. */

export const TEAM_ID = 'T1';
export const TEAM_DOMAIN = 'test';
export const API_APP_ID = 'A1';
export const BOT_USER_ID = 'UBOT';
/** The legacy verification token Slack still puts in bodies (Bolt ignores it). */
export const VERIFICATION_TOKEN = 'verification-token';

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<rawBody>`. */
export function sign(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

export interface SlackResponse {
  status: number;
  headers: Headers;
  body: string;
  /** The body parsed, if it is JSON. */
  json: any;
}

const hex = (n: number) => randomBytes(n).toString('hex');
const triggerId = () => `${Date.now()}.${Math.floor(Math.random() * 1e11)}.${hex(16)}`;
const nowTs = () => (Date.now() / 1000).toFixed(6);
const team = () => ({ id: TEAM_ID, domain: TEAM_DOMAIN });
const userOf = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM_ID });

// ---- interaction payload builders -------------------------------------------------------------

export interface BlockActionInput {
  user: string;
  action_id: string;
  value?: string;
  block_id?: string;
  /** A channel the clicked message is in (message container); omit when clicking in a view. */
  channel?: string;
  message_ts?: string;
  /** The view (App Home or modal) the button is in; gets an `id` if it has none. */
  view?: Record<string, any>;
  response_url?: string;
  trigger_id?: string;
  /** Merged into the action, e.g. `{ type: 'static_select', selected_option: {...} }`. */
  action?: Record<string, unknown>;
}

export function blockAction(i: BlockActionInput): Record<string, any> {
  const message_ts = i.message_ts ?? nowTs();
  const view = i.view ? { id: 'V00000001', team_id: TEAM_ID, type: 'home', hash: hex(4), state: { values: {} }, ...i.view } : undefined;
  return {
    type: 'block_actions',
    user: userOf(i.user),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    container: view
      ? { type: 'view', view_id: view.id }
      : { type: 'message', message_ts, channel_id: i.channel, is_ephemeral: false },
    trigger_id: i.trigger_id ?? triggerId(),
    team: team(),
    enterprise: null,
    is_enterprise_install: false,
    ...(i.channel ? { channel: { id: i.channel, name: i.channel.startsWith('D') ? 'directmessage' : 'general' } } : {}),
    ...(view ? { view } : { message: { type: 'message', user: BOT_USER_ID, ts: message_ts, text: '', blocks: [] } }),
    ...(i.response_url ? { response_url: i.response_url } : {}),
    state: { values: view?.state?.values ?? {} },
    actions: [
      {
        action_id: i.action_id,
        block_id: i.block_id ?? hex(3),
        type: 'button',
        text: { type: 'plain_text', text: i.action_id, emoji: true },
        ...(i.value !== undefined ? { value: i.value } : {}),
        action_ts: nowTs(),
        ...i.action,
      },
    ],
  };
}

/** `values[block_id][action_id]`: a Slack state value, or a string for a `plain_text_input`. */
export type ViewValues = Record<string, Record<string, string | Record<string, unknown>>>;

export interface ViewSubmissionInput {
  user: string;
  callback_id: string;
  private_metadata?: string;
  values?: ViewValues;
  view_id?: string;
  trigger_id?: string;
}

export function viewSubmission(i: ViewSubmissionInput): Record<string, any> {
  const values = Object.fromEntries(
    Object.entries(i.values ?? {}).map(([block, actions]) => [
      block,
      Object.fromEntries(
        Object.entries(actions).map(([action, v]) => [action, typeof v === 'string' ? { type: 'plain_text_input', value: v } : v]),
      ),
    ]),
  );
  const id = i.view_id ?? 'V00000002';
  return {
    type: 'view_submission',
    team: team(),
    user: userOf(i.user),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: i.trigger_id ?? triggerId(),
    view: {
      id, team_id: TEAM_ID, type: 'modal', blocks: [], private_metadata: i.private_metadata ?? '',
      callback_id: i.callback_id, state: { values }, hash: hex(4), title: { type: 'plain_text', text: 'Concerto' },
      clear_on_close: false, notify_on_close: false, close: null, submit: null, previous_view_id: null,
      root_view_id: id, app_id: API_APP_ID, external_id: '', app_installed_team_id: TEAM_ID, bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

// ---- event builders ---------------------------------------------------------------------------

export function appMention(i: { user: string; text: string; channel: string; ts?: string; thread_ts?: string }): Record<string, any> {
  const ts = i.ts ?? nowTs();
  return { type: 'app_mention', user: i.user, text: i.text, ts, channel: i.channel, event_ts: ts, team: TEAM_ID, client_msg_id: hex(8), ...(i.thread_ts ? { thread_ts: i.thread_ts } : {}) };
}

export function directMessage(i: { user: string; text: string; channel?: string; ts?: string; thread_ts?: string }): Record<string, any> {
  const ts = i.ts ?? nowTs();
  return {
    type: 'message', channel_type: 'im', user: i.user, text: i.text, ts, channel: i.channel ?? `D${i.user}`, event_ts: ts,
    team: TEAM_ID, client_msg_id: hex(8), ...(i.thread_ts ? { thread_ts: i.thread_ts } : {}),
  };
}

export function appHomeOpened(i: { user: string; tab?: 'home' | 'messages'; channel?: string }): Record<string, any> {
  return { type: 'app_home_opened', user: i.user, channel: i.channel ?? `D${i.user}`, tab: i.tab ?? 'home', event_ts: nowTs() };
}

// ---- the client -------------------------------------------------------------------------------

export interface SlackClientOptions {
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  baseUrl: string;
  secret: string;
  /** Unix seconds used for `X-Slack-Request-Timestamp` (default: the real clock). */
  now?: () => number;
  /** Makes the default `response_url` of commands, e.g. `fake.responseUrl` (else a hooks.slack.com URL). */
  responseUrl?: (id: string) => string;
}

export interface CommandInput {
  text: string;
  user_id: string;
  channel_id?: string;
  channel_name?: string;
  user_name?: string;
  command?: string;
  response_url?: string;
  trigger_id?: string;
  team_id?: string;
}

export interface RawInput {
  body: string | Buffer;
  /** Default `application/x-www-form-urlencoded`. */
  contentType?: string;
  /** Timestamp to send and sign with (e.g. `now() - 600` for a stale request). */
  timestamp?: number;
  /** A forged signature to send instead of the real one, or `null` to send none. */
  signature?: string | null;
  /** Extra headers, applied last; `undefined` removes one. */
  headers?: Record<string, string | undefined>;
}

export function slackClient(options: SlackClientOptions) {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));

  async function raw(i: RawInput): Promise<SlackResponse> {
    const timestamp = i.timestamp ?? now();
    const headers: Record<string, string | undefined> = {
      'content-type': i.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': i.signature === undefined ? sign(options.secret, timestamp, i.body) : (i.signature ?? undefined),
      ...i.headers,
    };
    const sent = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
    const res = await fetch(options.baseUrl, { method: 'POST', headers: sent, body: typeof i.body === 'string' ? i.body : new Uint8Array(i.body) });
    const body = await res.text();
    let json: any;
    try { json = body ? JSON.parse(body) : undefined; } catch { json = undefined; }
    return { status: res.status, headers: res.headers, body, json };
  }

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  async function event(ev: Record<string, any>, opts: { event_id?: string; event_time?: number; retryNum?: number; retryReason?: string } = {}) {
    const envelope = {
      token: VERIFICATION_TOKEN,
      team_id: TEAM_ID,
      context_team_id: TEAM_ID,
      api_app_id: API_APP_ID,
      event: ev,
      type: 'event_callback',
      event_id: opts.event_id ?? `Ev${hex(5).toUpperCase()}`,
      event_time: opts.event_time ?? now(),
      authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-${hex(12)}`,
    };
    const headers: Record<string, string> = {};
    if (opts.retryNum !== undefined) headers['x-slack-retry-num'] = String(opts.retryNum);
    if (opts.retryReason !== undefined) headers['x-slack-retry-reason'] = opts.retryReason;
    return raw({ body: JSON.stringify(envelope), contentType: 'application/json', headers });
  }

  return {
    raw,
    event,
    /** Also returns the `response_url` it sent, to read back with `fake.responses(...)`/`waitFor`. */
    command: async (c: CommandInput): Promise<SlackResponse & { response_url: string }> => {
      const id = `cmd-${hex(6)}`;
      const response_url = c.response_url ?? options.responseUrl?.(id) ?? `https://hooks.slack.com/commands/${TEAM_ID}/1/${id}`;
      const res = await raw({
        body: form({
          token: VERIFICATION_TOKEN,
          team_id: c.team_id ?? TEAM_ID,
          team_domain: TEAM_DOMAIN,
          channel_id: c.channel_id ?? 'C1',
          channel_name: c.channel_name ?? ((c.channel_id ?? 'C1').startsWith('D') ? 'directmessage' : 'general'),
          user_id: c.user_id,
          user_name: c.user_name ?? c.user_id.toLowerCase(),
          command: c.command ?? '/concerto',
          text: c.text,
          api_app_id: API_APP_ID,
          is_enterprise_install: 'false',
          response_url,
          trigger_id: c.trigger_id ?? triggerId(),
        }),
      });
      return { ...res, response_url };
    },
    interaction: (payload: Record<string, unknown>) => raw({ body: form({ payload: JSON.stringify(payload) }) }),
    urlVerification: (challenge: string) =>
      raw({ body: JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' }), contentType: 'application/json' }),
    blockAction,
    viewSubmission,
    appMention,
    directMessage,
    appHomeOpened,
  };
}

export type SlackClient = ReturnType<typeof slackClient>;
