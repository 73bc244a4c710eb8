import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import type { Notifier, OutboxMessage, SendOutcome } from '../core/reminders/outbox-message.js';
import type { SlackSettings } from '../config.js';
import { digestMessages } from './views/digest-message.js';
import { nudgeMessage } from './views/nudge-message.js';

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
 * Sends outbox messages with a Web API client of its own: no automatic retries (the outbox retries,
 * and chat.postMessage has no idempotency key) and rate-limited calls rejected rather than paused,
 * so a 429 here never holds up the interactive client.
 */
export function slackNotifier(settings: Pick<SlackSettings, 'botToken' | 'apiUrl'>, timeoutMs = 10_000): Notifier {
  const client = new WebClient(settings.botToken, {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
  return {
    async send(message: OutboxMessage): Promise<SendOutcome> {
      try {
        if (message.payload.kind !== 'digest') {
          const posted = await client.chat.postMessage({ channel: message.recipient, ...nudgeMessage(message.payload) } as never);
          return { outcome: 'sent', ref: posted.ts ?? null };
        }
        const { summary, details } = digestMessages(message.payload);
        const posted = await client.chat.postMessage({ channel: message.recipient, ...summary } as never);
        // The summary is the message; a thread reply that fails is not worth posting the summary twice.
        for (const d of details) await client.chat.postMessage({ channel: message.recipient, thread_ts: posted.ts, ...d } as never).catch(() => undefined);
        return { outcome: 'sent', ref: posted.ts ?? null };
      } catch (err) {
        return classify(err as WebAPICallError);
      }
    },
  };
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
