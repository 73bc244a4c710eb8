import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import type { Notifier, SendablePayload, SendableMessage, SendOutcome } from '../core/reminders/outbox-message.js';
import type { SlackSettings } from '../config.js';
import { decisionMessage } from './views/decision-message.js';
import { signOffRequestMessage } from './views/sign-off-message.js';
import { digestPartMessage, digestSummary } from './views/digest-message.js';
import { nudgeMessage } from './views/nudge-message.js';
import { failFastClient } from './fail-fast-client.js';

/** Errors that will never succeed however often they are retried. */
const PERMANENT = new Set([
  'channel_not_found',
  'user_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
  'restricted_action',
  'msg_too_long',
  'msg_blocks_too_long',
  'invalid_blocks',
  'no_text',
]);

/**
 * Sends outbox messages with a fail-fast Web API client of its own: the outbox does the retrying,
 * and a 429 here never holds up the client that answers people.
 */
export function slackNotifier(settings: Pick<SlackSettings, 'botToken' | 'apiUrl'>, timeoutMs = 10_000): Notifier {
  const client = failFastClient(settings, timeoutMs);
  return {
    async send(message: SendableMessage): Promise<SendOutcome> {
      try {
        const posted = await client.chat.postMessage({ channel: message.recipient, ...render(message.payload) } as never);
        return { outcome: 'sent', ref: posted.ts ?? null };
      } catch (err) {
        return classify(err as WebAPICallError);
      }
    },
  };
}

/**
 * One outbox row is one Slack message: a digest's details are rows of their own (queued when the
 * summary is sent), so each part is paced, retried and recorded like any nudge.
 */
function render(payload: SendablePayload) {
  switch (payload.kind) {
    case 'digest':
      return digestSummary(payload);
    case 'digest_part':
      return { ...digestPartMessage(payload), ...(payload.threadRef ? { thread_ts: payload.threadRef } : {}) };
    case 'decision_notice':
      return decisionMessage(payload);
    case 'sign_off_request':
      return signOffRequestMessage(payload.notice, { chase: payload.chase });
    default:
      return nudgeMessage(payload);
  }
}

export function classify(err: WebAPICallError): SendOutcome {
  switch (err.code) {
    case ErrorCode.RateLimitedError:
      return { outcome: 'rate_limited', retryAfterSeconds: Math.max(1, err.retryAfter) };
    case ErrorCode.PlatformError:
      return PERMANENT.has(err.data.error) ? { outcome: 'dead', error: err.data.error } : { outcome: 'retry', error: err.data.error };
    case ErrorCode.HTTPError:
      // Slack answered with an error status, so the message was not accepted.
      return err.statusCode >= 500 || err.statusCode === 408 ? { outcome: 'retry', error: `HTTP ${err.statusCode}` } : { outcome: 'dead', error: `HTTP ${err.statusCode}` };
    case ErrorCode.RequestError: {
      // fetch puts the socket error on `cause`.
      const original = err.original as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
      const code = original.code ?? original.cause?.code ?? '';
      // Refused before sending: safe to retry. Anything else (a timeout, a dropped connection) may have been posted.
      return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? { outcome: 'retry', error: code }
        : { outcome: 'unknown', error: code || err.original.message };
    }
    default:
      return { outcome: 'unknown', error: (err as Error).message };
  }
}
