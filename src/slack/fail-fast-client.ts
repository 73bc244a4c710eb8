import { ErrorCode, WebClient } from '@slack/web-api';
import type { SlackSettings } from '../config.js';
import { slackFetch } from './slack-fetch.js';

/**
 * A Web API client for work nobody is waiting on (profile look-ups, the member directory, App Home,
 * the outbox). The default client answers a 429 by pausing every call it makes for Retry-After, so
 * one busy method would hold up every person's reply; this one rejects rate-limited calls at once
 * and never retries by itself (chat.postMessage has no idempotency key), leaving the caller to decide.
 */
export function failFastClient(settings: Pick<SlackSettings, 'botToken' | 'apiUrl'>, timeoutMs = 10_000): WebClient {
  return new WebClient(settings.botToken, {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    fetch: slackFetch,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

/** Seconds Slack asked us to wait, when a call was rejected for its rate limit. */
export function retryAfterOf(err: unknown): number | null {
  const e = err as { code?: string; retryAfter?: number };
  return e?.code === ErrorCode.RateLimitedError ? Math.max(1, e.retryAfter ?? 1) : null;
}
