import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type BufferedIncomingMessage, type HTTPReceiver, type Logger } from '@slack/bolt';

/** Where Slack posts commands, interactivity and events: the receiver's one endpoint, and what the guard verifies. */
export const EVENTS_ENDPOINT = '/slack/events';

/** Bolt's HTTP receiver limit; a bigger body is refused before it is read. */
export const BODY_LIMIT = HTTPModuleFunctions.defaultBodyLimit;

/** How far a request's timestamp may be from now, either way (Bolt's window for old ones). */
const MAX_AGE_SECONDS = 5 * 60;

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a verified, parsed body is not something Slack sends, or null when it is. Bolt trusts the shape:
 * `null` crashes its receiver (an unhandled rejection and a request left open), `{"event": null}` is a 500,
 * and an object it cannot route waits three seconds for a 404.
 */
export function notSlackShaped(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (body.ssl_check === '1') return null;
  if (typeof body.command === 'string') return typeof body.user_id === 'string' ? null : 'a command without user_id';
  if (typeof body.type !== 'string') return 'no type, command or ssl_check';
  // Slack's notices to the app itself, which name no user.
  if (body.type === 'url_verification' || body.type === 'app_rate_limited') return null;
  if (body.type === 'event_callback') return isObject(body.event) && typeof body.event.type === 'string' ? null : 'an event_callback without an event';
  // Interactions (block_actions, view_submission, shortcuts…) always say who clicked, and what.
  if (!isObject(body.user) || typeof body.user.id !== 'string') return `a ${body.type} without a user`;
  if ((body.type === 'block_actions' || 'actions' in body) && !(Array.isArray(body.actions) && body.actions.length > 0 && body.actions.every(isObject))) {
    return `a ${body.type} without actions`;
  }
  if ((body.type === 'view_submission' || body.type === 'view_closed') && !(isObject(body.view) && isObject(body.view.state))) return `a ${body.type} without a view`;
  return null;
}

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

function refuse(res: ServerResponse, status: number, close = false): void {
  if (res.headersSent) return;
  // A body refused unread would be left on a kept-alive connection, breaking the next request on it.
  res.writeHead(status, close ? { connection: 'close' } : {});
  res.end();
}

/**
 * Runs in front of the receiver on POST to the events endpoint: reads and verifies the request as Bolt does
 * (413 over the limit, 401 unsigned, stale or future-dated), then answers 400 to a body that is not Slack-shaped instead of
 * handing it on. Everything else goes to Bolt with the body already read.
 */
export function guardSlackRequests(receiver: HTTPReceiver, opts: { signingSecret: string; logger: Logger }): void {
  const next = receiver.requestListener;
  const endpoint = EVENTS_ENDPOINT;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req.url);
    // A request target no URL parser reads ("http://[::1") would be a 500 from Bolt's router.
    if (path === null) return refuse(res, 400, true);
    if (req.method !== 'POST' || path !== endpoint) return next(req, res);
    void (async () => {
      let buffered: BufferedIncomingMessage;
      try {
        buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret: opts.signingSecret, bodyLimit: BODY_LIMIT }, req, res);
        // Bolt refuses a timestamp over five minutes old but not one from the future, which could be replayed until then.
        if (Number(req.headers['x-slack-request-timestamp']) > Date.now() / 1000 + MAX_AGE_SECONDS) throw new Error('the request timestamp is in the future');
      } catch (err) {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && (err as { statusCode: number }).statusCode === 413;
        opts.logger.warn(tooLarge ? `Refused a request body over ${BODY_LIMIT} bytes.` : `Refused an unverified request: ${(err as Error).message}`);
        return refuse(res, tooLarge ? 413 : 401, tooLarge);
      }
      let problem: string | null;
      try {
        problem = notSlackShaped(HTTPModuleFunctions.parseHTTPRequestBody(buffered));
      } catch (err) {
        problem = `malformed body (${(err as Error).message})`;
      }
      if (problem) {
        opts.logger.warn(`Refused a request that Slack would not send: ${problem}.`);
        return refuse(res, 400);
      }
      next(buffered, res);
    })().catch((err: unknown) => {
      opts.logger.error(err);
      refuse(res, 500);
    });
  };
}
