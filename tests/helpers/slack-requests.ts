import { createHmac, randomBytes } from 'node:crypto';
import type { HostedFile } from './fake-slack.js';

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
  /** The HTTP status; 0 when the app did not answer in time (`acked: false`). */
  status: number;
  headers: Headers;
  body: string;
  /** The body parsed, if it is JSON. */
  json: any;
  /**
   * Whether the app answered within Slack's 3 seconds (the client's `ackTimeoutMs`). Slack stops waiting
   * then: the delivery has failed (the person sees an error; an event is sent again), and whatever the app
   * answers later — a view_submission's field errors, say — is lost. So is it here: `status` 0, no body.
   */
  acked: boolean;
  /** How long the app took to answer, in ms (the deadline, when it did not). */
  ms: number;
}

/** Slack waits this long for the HTTP answer to a command, an interaction or an event. */
export const ACK_DEADLINE_MS = 3000;

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
  /** The clicked message as Slack sends it back (its text and blocks), when the handler reads it. */
  message?: Record<string, any>;
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
    ...(view ? { view } : { message: { type: 'message', user: BOT_USER_ID, ts: message_ts, text: '', blocks: [], ...i.message } }),
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

/**
 * An @mention edited after it was sent, as Slack delivers it: a new `app_mention` event (send it with a new
 * event_id), the original `ts`, the new text, and `edited: { user, ts }`. Slack documents `edited` on messages;
 * on app_mention it is what Slack sends (bolt-js#960, slack-go/slack#1256), typed in bolt-js since 3.4.
 */
export function editedAppMention(original: Record<string, any>, i: { text: string; user?: string; editedTs?: string }): Record<string, any> {
  const editedTs = i.editedTs ?? nowTs();
  return { ...original, text: i.text, edited: { user: i.user ?? original.user, ts: editedTs }, event_ts: editedTs };
}

/**
 * A DM edited after it was sent: `message` with subtype `message_changed`, `hidden: true`, the edited message
 * (same `ts`, new text, `edited`) in `message` and the old one in `previous_message`. No top-level `user`.
 * Shape: api.slack.com/events/message/message_changed.
 */
export function messageChanged(original: Record<string, any>, i: { text: string; editedTs?: string }): Record<string, any> {
  const editedTs = i.editedTs ?? nowTs();
  const { channel, channel_type, event_ts: _e, ...previous } = original;
  return {
    type: 'message', subtype: 'message_changed', hidden: true, channel, channel_type: channel_type ?? 'im', ts: editedTs, event_ts: editedTs,
    message: { ...previous, type: 'message', text: i.text, edited: { user: original.user, ts: editedTs } },
    previous_message: { ...previous, type: 'message' },
  };
}

/**
 * A DM written as a reply in a thread: a plain message (no subtype) with `thread_ts` (the parent's ts) and
 * `parent_user_id`. api.slack.com/docs/message-threading: "any message with a thread_ts attribute is part of a thread".
 */
export function threadReply(i: { user: string; text: string; thread_ts: string; parent_user_id?: string; channel?: string; ts?: string }): Record<string, any> {
  return { ...directMessage(i), thread_ts: i.thread_ts, parent_user_id: i.parent_user_id ?? BOT_USER_ID };
}

/**
 * A thread reply also sent to the conversation: subtype `thread_broadcast`, with `thread_ts` and `root`
 * (the parent message). Shape: api.slack.com/events/message/thread_broadcast.
 */
export function threadBroadcast(i: { user: string; text: string; thread_ts: string; root_text?: string; root_user?: string; channel?: string; ts?: string }): Record<string, any> {
  return {
    ...directMessage(i), subtype: 'thread_broadcast', thread_ts: i.thread_ts,
    root: { type: 'message', user: i.root_user ?? BOT_USER_ID, text: i.root_text ?? '', ts: i.thread_ts, thread_ts: i.thread_ts, reply_count: 1, reply_users: [i.user], reply_users_count: 1, latest_reply: i.ts ?? i.thread_ts, is_locked: false },
  };
}

/** A file Slack names only by its id, as in shared channels and some DMs. */
export interface CheckFileInfo { id: string; file_access: 'check_file_info' }

export interface SharedFile { id?: string; name: string; mimetype?: string; filetype?: string; size?: number }

/**
 * A DM carrying a file: subtype `file_share`, `upload: true`, and `files: [{ id, name, mimetype, filetype,
 * url_private, … }]` (the text is the comment typed with it, often empty). Shape: api.slack.com/events/message/file_share.
 */
export function fileShare(i: { user: string; text?: string; files: Array<SharedFile | HostedFile | CheckFileInfo>; channel?: string; ts?: string }): Record<string, any> {
  const files = i.files.map((f, n) => {
    // Slack sometimes sends only the id (`file_access: "check_file_info"`): the app must call files.info.
    if ('file_access' in f) return { mode: 'file_access', created: 0, timestamp: 0, user: '', ...f };
    // A file the fake Slack hosts (fake.hostFile): its object as Slack sends it, downloadable from the fake.
    if ('url_private_download' in f) return { created: Math.floor(Date.now() / 1000), timestamp: Math.floor(Date.now() / 1000), pretty_type: f.filetype.toUpperCase(), editable: false, external_type: '', is_public: false, public_url_shared: false, display_as_bot: false, username: '', ...f };
    const id = f.id ?? `F0${hex(4).toUpperCase()}${n}`;
    const filetype = f.filetype ?? (f.name.split('.').pop() ?? 'text').toLowerCase();
    return {
      id, created: Math.floor(Date.now() / 1000), timestamp: Math.floor(Date.now() / 1000), name: f.name, title: f.name,
      mimetype: f.mimetype ?? (filetype === 'csv' ? 'text/csv' : filetype === 'json' ? 'application/json' : 'application/octet-stream'),
      filetype, pretty_type: filetype.toUpperCase(), user: i.user, editable: false, size: f.size ?? 1024, mode: 'hosted', is_external: false,
      external_type: '', is_public: false, public_url_shared: false, display_as_bot: false, username: '',
      url_private: `https://files.slack.com/files-pri/${TEAM_ID}-${id}/${encodeURIComponent(f.name)}`,
      url_private_download: `https://files.slack.com/files-pri/${TEAM_ID}-${id}/download/${encodeURIComponent(f.name)}`,
      permalink: `https://${TEAM_DOMAIN}.slack.com/files/${i.user}/${id}/${encodeURIComponent(f.name)}`,
    };
  });
  return { ...directMessage({ ...i, text: i.text ?? '' }), subtype: 'file_share', files, upload: true, display_as_bot: false };
}

/** `user_change`, as Slack sends it when a member's profile changes or they are deactivated (`deleted: true`). */
export function userChange(user: Record<string, any>): Record<string, any> {
  return { type: 'user_change', user, cache_ts: Math.floor(Date.now() / 1000), event_ts: nowTs() };
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
  /**
   * Where the trigger_ids of commands, block actions and view submissions come from, e.g. `fake.issueTrigger`,
   * so the fake Slack knows when the click happened (and refuses a `views.open` more than 3 s later).
   */
  triggerId?: () => string;
  /** How long to wait for the app's answer before treating the delivery as failed (default 3000, Slack's; `Infinity` to wait). */
  ackTimeoutMs?: number;
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
  /** Overrides the client's `ackTimeoutMs` for this request. */
  ackTimeoutMs?: number;
}

export interface EventOptions {
  event_id?: string;
  event_time?: number;
  retryNum?: number;
  retryReason?: string;
  /**
   * Do what Slack does when the app does not answer in 3 s: send the event again, with the same event_id,
   * `X-Slack-Retry-Num` 1, 2, 3 and `X-Slack-Retry-Reason: http_timeout` (Slack retries at once, then after
   * about 1 and 5 minutes; here at once). The answer returned is the last delivery's, with `deliveries` counted.
   */
  redeliverLate?: boolean;
}

export function slackClient(options: SlackClientOptions) {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const newTrigger = options.triggerId ?? triggerId;

  /** Sends one signed request and waits for the answer, as Slack does: at most `ackTimeoutMs`, then it hangs up. */
  async function raw(i: RawInput): Promise<SlackResponse> {
    const timestamp = i.timestamp ?? now();
    const headers: Record<string, string | undefined> = {
      'content-type': i.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': i.signature === undefined ? sign(options.secret, timestamp, i.body) : (i.signature ?? undefined),
      ...i.headers,
    };
    const sent = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
    const deadline = i.ackTimeoutMs ?? options.ackTimeoutMs ?? ACK_DEADLINE_MS;
    const abort = new AbortController();
    const started = performance.now();
    const timer = Number.isFinite(deadline) ? setTimeout(() => abort.abort(), deadline) : undefined;
    try {
      const res = await fetch(options.baseUrl, { method: 'POST', headers: sent, body: typeof i.body === 'string' ? i.body : new Uint8Array(i.body), signal: abort.signal });
      const body = await res.text();
      const ms = Math.round(performance.now() - started);
      let json: any;
      try { json = body ? JSON.parse(body) : undefined; } catch { json = undefined; }
      return { status: res.status, headers: res.headers, body, json, acked: true, ms };
    } catch (err) {
      if (!abort.signal.aborted) throw err;
      return { status: 0, headers: new Headers(), body: '', json: undefined, acked: false, ms: deadline };
    } finally {
      clearTimeout(timer);
    }
  }

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  async function event(ev: Record<string, any>, opts: EventOptions = {}): Promise<SlackResponse & { deliveries: number }> {
    const eventId = opts.event_id ?? `Ev${hex(5).toUpperCase()}`;
    let res = await deliver(ev, { ...opts, event_id: eventId });
    let deliveries = 1;
    while (opts.redeliverLate && !res.acked && deliveries <= 3) {
      res = await deliver(ev, { ...opts, event_id: eventId, retryNum: deliveries, retryReason: 'http_timeout' });
      deliveries += 1;
    }
    return { ...res, deliveries };
  }

  function deliver(ev: Record<string, any>, opts: EventOptions & { event_id: string }) {
    const envelope = {
      token: VERIFICATION_TOKEN,
      team_id: TEAM_ID,
      context_team_id: TEAM_ID,
      api_app_id: API_APP_ID,
      event: ev,
      type: 'event_callback',
      event_id: opts.event_id,
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
          trigger_id: c.trigger_id ?? newTrigger(),
        }),
      });
      return { ...res, response_url };
    },
    interaction: (payload: Record<string, unknown>) => raw({ body: form({ payload: JSON.stringify(payload) }) }),
    urlVerification: (challenge: string) =>
      raw({ body: JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' }), contentType: 'application/json' }),
    /** A block action whose trigger_id (unless given) comes from the client's `triggerId`, i.e. is issued now. */
    blockAction: (i: BlockActionInput) => blockAction({ ...i, trigger_id: i.trigger_id ?? newTrigger() }),
    /** A view submission whose trigger_id (unless given) comes from the client's `triggerId`. */
    viewSubmission: (i: ViewSubmissionInput) => viewSubmission({ ...i, trigger_id: i.trigger_id ?? newTrigger() }),
    appMention,
    directMessage,
    appHomeOpened,
    editedAppMention,
    messageChanged,
    threadReply,
    threadBroadcast,
    fileShare,
    userChange,
  };
}

export type SlackClient = ReturnType<typeof slackClient>;
