import { importsAnything } from '../../../app/chat-import.js';
import { readImportRequest } from '../../../core/plan/import-request.js';
import type { Message } from '../../block-kit.js';
import type { SlackDeps } from '../../deps.js';
import { slackViewer } from '../../identity.js';
import { importHowToMessage, onlyAdminsImport } from '../../views/import-preview-message.js';

/**
 * `/concerto import [into KEY]`. A slash command cannot carry a file, so this says how to send one:
 * as a file in the bot's DM, with the words that choose the plan, sheet or columns.
 */
export async function importHowTo(deps: SlackDeps, userId: string, rest: string): Promise<Message> {
  const viewer = await slackViewer(deps, userId);
  if (!(await importsAnything(deps.services.plans, { id: userId, name: viewer.actor.name, admin: viewer.actor.admin }))) return onlyAdminsImport(deps.admins);
  const request = readImportRequest(rest);
  return importHowToMessage('error' in request ? null : request.planKey);
}
