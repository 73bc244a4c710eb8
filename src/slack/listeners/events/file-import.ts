import { importsAnything, previewChatImport } from '../../../app/chat-import.js';
import { readImportRequest } from '../../../core/plan/import-request.js';
import { DEFAULT_MAX_BYTES } from '../../../files/tables/read-document-tables.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { downloadSharedFile, type SharedFile } from '../../file-download.js';
import { slackViewer } from '../../identity.js';
import { importPreviewMessage, notPermittedMessage, onlyAdminsImport } from '../../views/import-preview-message.js';

/** A `file_share` message in the bot's DM. */
export interface FileShareMessage {
  channel: string;
  user: string;
  text?: string;
  thread_ts?: string;
  files?: SharedFile[];
}

/**
 * A plan admin sends the bot a document in its DM: downloaded with the bot token, read, and previewed
 * with Import / Cancel. Nothing in the plan is written here; the Import button does that.
 */
export async function previewSharedFile(deps: SlackDeps, client: WebClient, m: FileShareMessage): Promise<void> {
  const say = (message: { text: string; blocks?: unknown[] }) => client.chat.postMessage({ channel: m.channel, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), ...message } as never);
  const viewer = await slackViewer(deps, m.user);
  const who = { id: m.user, name: viewer.actor.name, admin: viewer.actor.admin };
  // Who may import is known before the file is: a non-admin's document is never downloaded.
  if (!(await importsAnything(deps.services.plans, who))) return void (await say(onlyAdminsImport(deps.admins)));
  const files = m.files ?? [];
  if (!files.length) return void (await say({ text: "I couldn't see a file in that message. Send the plan's document again, as a file." }));
  const request = readImportRequest(m.text ?? '');
  if ('error' in request) return void (await say({ text: request.error }));

  const got = await downloadSharedFile(client, files[0]!, { token: deps.files.token, apiUrl: deps.files.apiUrl, maxBytes: DEFAULT_MAX_BYTES });
  if (!got.ok) return void (await say({ text: got.error }));
  const more = files.length > 1 ? ` (I read only ${got.name}: send one document at a time.)` : '';
  const outcome = await previewChatImport(deps.services, deps.pendingImports, who, { name: got.name, bytes: got.bytes }, request);
  if (outcome.kind === 'refused') return void (await say({ text: `${outcome.message}${more}` }));
  if (outcome.kind === 'not_permitted') return void (await say(notPermittedMessage(outcome, deps.admins)));
  const message = importPreviewMessage(outcome);
  await say(more ? { ...message, text: `${message.text}${more}` } : message);
}
