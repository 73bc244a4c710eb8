import type { WebClient } from './deps.js';

/** What a `file_share` message says of each file; with `file_access: "check_file_info"` only the id is there. */
export interface SharedFile {
  id: string;
  name?: string;
  size?: number;
  mode?: string;
  is_external?: boolean;
  file_access?: string;
  url_private?: string;
  url_private_download?: string;
}

export type Downloaded = { ok: true; name: string; bytes: Uint8Array } | { ok: false; error: string };

export interface DownloadOptions {
  token: string;
  maxBytes: number;
  /** The Web API base URL when it is not Slack's own (a test's fake): its host may serve files too. */
  apiUrl: string | null;
  timeoutMs?: number;
}

const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
const SCOPE = "Slack did not let me read the file: the app needs the `files:read` scope. An admin can reinstall Concerto from manifest.yml to grant it, then send the file again.";

/**
 * A file a person shared with the bot, downloaded with the bot token (`files:read`, `url_private_download`).
 * Its size is checked before a byte is fetched and again as it streams in, so memory stays bounded; the
 * token is only ever sent to Slack's own file host.
 */
export async function downloadSharedFile(client: WebClient, shared: SharedFile, o: DownloadOptions): Promise<Downloaded> {
  let file = shared;
  if (file.file_access === 'check_file_info' || !(file.url_private_download ?? file.url_private)) {
    try {
      const info = await client.files.info({ file: shared.id });
      file = { ...(info.file as SharedFile), id: shared.id };
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === 'missing_scope' || code === 'not_allowed_token_type') return { ok: false, error: SCOPE };
      if (code === 'file_not_found' || code === 'file_deleted') return { ok: false, error: "I can't see that file any more (it may have been deleted). Send it again." };
      throw err;
    }
  }
  const name = file.name ?? shared.name ?? 'the file';
  if (file.is_external || file.mode === 'external') return { ok: false, error: `${name} is stored outside Slack (e.g. Google Drive or OneDrive), so I can't read it. Download it and send it to me as a file.` };
  if (typeof file.size === 'number' && file.size > o.maxBytes) return { ok: false, error: `${name} is ${mb(file.size)}, over the ${mb(o.maxBytes)} limit on a document Concerto reads. Send the plan's table on its own, or split it.` };
  const href = file.url_private_download ?? file.url_private;
  if (!href || !trustedFileUrl(href, o.apiUrl)) return { ok: false, error: `I can't download ${name} from where Slack says it is. Send it again as a file in this DM.` };

  const res = await fetch(href, { headers: { authorization: `Bearer ${o.token}` }, redirect: 'follow', signal: AbortSignal.timeout(o.timeoutMs ?? 60_000) });
  if (!res.ok || !res.body) return { ok: false, error: `Slack would not give me ${name} (HTTP ${res.status}). Send it again in a minute.` };
  // Without files:read Slack answers 200 with its sign-in page, not an error: never read that as the document.
  if (/text\/html/i.test(res.headers.get('content-type') ?? '') && !/\.html?$/i.test(name)) {
    await res.body.cancel();
    return { ok: false, error: SCOPE };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > o.maxBytes) return { ok: false, error: `${name} is over the ${mb(o.maxBytes)} limit on a document Concerto reads. Send the plan's table on its own, or split it.` };
    chunks.push(chunk);
  }
  return { ok: true, name, bytes: Buffer.concat(chunks) };
}

/** Slack's file hosts over https, or (for a test's fake Slack) the host the Web API itself is on. */
export function trustedFileUrl(href: string, apiUrl: string | null): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (apiUrl && url.origin === new URL(apiUrl).origin) return true;
  return url.protocol === 'https:' && (url.hostname === 'files.slack.com' || url.hostname.endsWith('.slack.com') || url.hostname.endsWith('.slack-edge.com'));
}
