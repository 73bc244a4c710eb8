import { keyFromTitle } from '../core/plan/plan-key.js';
import type { ImportRequest } from '../core/plan/import-request.js';
import type { ImportRefusal, PendingImport, PendingImportStore, PlanDirectory, PlanInfo } from '../core/ports.js';
import { todayIn } from '../core/dates/today.js';
import { StoreError } from '../store/store-error.js';
import { parseMaps, readDocumentPlan } from './document-plan.js';
import { buildPreview, duplicatesRefusal, type ImportPreview } from './import-preview.js';
import { PlanFileError, PlanTargetError } from './plan-errors.js';
import { importParsed, type ImportResult } from './plan-loading.js';
import type { Services } from './services.js';

/** How long a preview's Import button works: long enough to read it, short enough that it is still what the plan is. */
export const PREVIEW_MINUTES = 30;

/** The person sending a document: their chat id, the name they go by, and whether CONCERTO_ADMINS names them. */
export interface Importer {
  id: string;
  name: string;
  admin: boolean;
}

/** Who may import: CONCERTO_ADMINS into any plan and to create one; a plan's own admins into that plan. */
export function mayImportInto(who: Importer, target: PlanInfo | null): boolean {
  return who.admin || (target !== null && target.admins.includes(who.id));
}

/** Whether the person administers anything at all, checked before their file is even downloaded. */
export async function importsAnything(plans: PlanDirectory, who: Importer): Promise<boolean> {
  return who.admin || (await plans.list()).some((p) => p.state === 'active' && p.admins.includes(who.id));
}

export type ChatPreview =
  | { kind: 'refused'; message: string }
  /** The document was read, but this person may not import it where it would go. */
  | { kind: 'not_permitted'; planKey: string; creates: boolean; planAdmins: string[] }
  /** Read and shown; `id` is the pending import that Import confirms (null when it cannot be imported as it is). */
  | { kind: 'preview'; id: string | null; preview: ImportPreview; expiresAt: string; blocked: string | null };

/**
 * Reads a document sent in chat and keeps what was read, for its sender's Import within PREVIEW_MINUTES.
 * Nothing in the plan is written here.
 */
export async function previewChatImport(
  services: Services,
  pendings: PendingImportStore,
  who: Importer,
  file: { name: string; bytes: Uint8Array },
  request: ImportRequest,
): Promise<ChatPreview> {
  const map = parseMaps(request.map);
  if ('error' in map) return { kind: 'refused', message: map.error.replace(/--map "([^"]*)"/, 'map "$1"').replace('e.g. --map', 'e.g. map') };
  const now = services.clock.now();
  const named = request.planKey ? await services.plans.get(request.planKey) : null;
  const timeZone = named?.timeZone ?? services.config.CONCERTO_TIMEZONE ?? 'Europe/London';
  const asOf = todayIn(now, timeZone);
  const title = file.name.replace(/\.[^.]+$/, '');
  const reading = await readDocumentPlan(file.bytes, file.name, { title, asOf, timeZone, map, ...(request.sheet ? { sheet: request.sheet } : {}), ...(request.table ? { table: request.table } : {}) });
  if (!reading.ok) return { kind: 'refused', message: `${reading.error} Nothing was imported.` };

  const planKey = request.planKey ?? keyFromTitle(reading.plan.title, asOf);
  const target = named ?? (await services.plans.get(planKey));
  if (target?.state === 'archived') return { kind: 'refused', message: `The plan ${target.key} is archived, so nothing was imported. An admin can \`plan restore ${target.key}\` first, or send the file again with \`into KEY\` for another plan.` };
  if (!mayImportInto(who, target)) return { kind: 'not_permitted', planKey, creates: !target, planAdmins: target?.admins ?? [] };

  const preview = buildPreview(reading, planKey, target, target ? await services.plans.store(target).exportPlan() : null);
  const expiresAt = new Date(now.getTime() + PREVIEW_MINUTES * 60_000).toISOString();
  const blocked = duplicatesRefusal(preview);
  if (blocked) return { kind: 'preview', id: null, preview, expiresAt, blocked };
  const id = await pendings.add({ userId: who.id, planKey, createsPlan: !target, fileName: file.name, plan: reading.plan, createdAt: now.toISOString(), expiresAt });
  return { kind: 'preview', id, preview, expiresAt, blocked: null };
}

export type ChatDecision =
  | { kind: 'imported'; result: ImportResult; pending: PendingImport }
  | { kind: 'cancelled'; pending: PendingImport }
  | { kind: 'refused'; reason: ImportRefusal | 'changed' | 'not_permitted' | 'invalid'; message: string; pending: PendingImport | null };

/** A preview's Import or Cancel, pressed by `who`: the import and the preview's "imported" commit together. */
export async function decideChatImport(services: Services, pendings: PendingImportStore, who: Importer, id: string, decision: 'import' | 'cancel'): Promise<ChatDecision> {
  const at = services.clock.now().toISOString();
  if (decision === 'cancel') {
    const done = await pendings.decide(id, who.id, at, { cancel: true });
    return done.ok ? { kind: 'cancelled', pending: done.pending } : { kind: 'refused', reason: done.reason, message: refusalMessage(done.reason, done.pending), pending: done.pending };
  }
  try {
    const done = await pendings.decide(id, who.id, at, {
      import: async (plans, pending) => {
        // Checked again at the press: admins change, and a plan may have been made since the preview.
        const target = await plans.get(pending.planKey);
        if (!mayImportInto(who, target)) throw new ChatImportRefused('not_permitted', notPermittedNow(pending.planKey, target));
        if (pending.createsPlan && target) throw new ChatImportRefused('changed', `A plan ${pending.planKey} was made after this preview, so importing now would change it rather than create it. Send the file again to see what would change. Nothing was imported.`);
        return importParsed(plans, pending.planKey, pending.plan, pending.fileName, { actor: who.name, actorId: who.id, source: 'import', at }, undefined, { keepUnreadableDates: true, fileName: pending.fileName });
      },
    });
    if (!done.ok) return { kind: 'refused', reason: done.reason, message: refusalMessage(done.reason, done.pending), pending: done.pending };
    return { kind: 'imported', result: done.result!, pending: done.pending };
  } catch (err) {
    if (err instanceof ChatImportRefused) return { kind: 'refused', reason: err.reason, message: err.message, pending: null };
    if (err instanceof PlanFileError || err instanceof PlanTargetError || (err instanceof StoreError && err.code === 'plan_archived')) {
      return { kind: 'refused', reason: 'invalid', message: `${err.message.split('\n')[0]!.replace(/\s*Nothing was imported\.$/, '')} Nothing was imported.`, pending: null };
    }
    throw err;
  }
}

class ChatImportRefused extends Error {
  constructor(readonly reason: 'changed' | 'not_permitted', message: string) {
    super(message);
  }
}

function notPermittedNow(key: string, target: PlanInfo | null): string {
  return target
    ? `You are no longer an admin of ${key}, so nothing was imported. An admin of ${key} or one named in CONCERTO_ADMINS can import it.`
    : `Only an admin named in CONCERTO_ADMINS can create the plan ${key}, so nothing was imported.`;
}

function refusalMessage(reason: ImportRefusal, pending: PendingImport | null): string {
  const file = pending?.fileName ?? 'this file';
  switch (reason) {
    case 'unknown':
      return "I can't find that preview any more (previews are kept a day after they expire). Send the file again to import it.";
    case 'not_yours':
      return `Only the person who sent ${file} can import it or cancel it. To import it yourself, send me the file.`;
    case 'expired':
      return `This preview of ${file} expired after ${PREVIEW_MINUTES} minutes, so nothing was imported: the plan may have changed since. Send the file again for a fresh preview.`;
    case 'imported':
      return `${file} has already been imported; nothing more was done.`;
    case 'cancelled':
      return `The import of ${file} was cancelled, so nothing was imported. Send the file again to import it.`;
  }
}
