import { dateFormatter } from '../../dates/formatter.js';
import type { DeliveryWindow } from '../../dates/delivery-window.js';
import type { AuditEvent } from '../../plan/audit.js';
import type { Proposal } from '../../plan/recommendation.js';
import { STATUS_LABELS, type Status } from '../../plan/status.js';
import { describeWaiting, type Waiting } from '../../governance/waiting.js';
import type { Turn } from '../context.js';
import { describeDelivery, formatDate } from '../format.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';

/** Who changed what and when, from the audit trail, with the baseline date kept in view. */
export async function answerHistory(turn: Turn, id: string): Promise<Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const events = await turn.store.history(rec.id);
  const lines = [`History of ${rec.id}:`];
  lines.push(`Baseline delivery date: ${describeDelivery(rec.baseline)}`);
  if (rec.revisions > 0) lines.push(`Current delivery date: ${describeDelivery(rec.delivery)} (revised ${rec.revisions}×)`);
  const shown = actorLabels(events);
  for (const e of events) lines.push(`• ${when(e.at, turn.timeZone)} — ${shown(e)} (${e.source}): ${describeEvent(e)}`);
  if (!events.length) lines.push('No changes recorded yet.');
  return say(lines.join('\n'), { items: [itemView(rec, turn.today)] });
}

/**
 * Names are chosen by the people they belong to and are not unique: where one name in this history
 * stands for more than one person, each Slack user id is shown beside it, so the trail says who it was.
 */
function actorLabels(events: AuditEvent[]): (e: AuditEvent) => string {
  const ids = new Map<string, Set<string | null>>();
  for (const e of events) ids.set(e.actor, (ids.get(e.actor) ?? new Set()).add(e.actorId ?? null));
  return (e) => ((ids.get(e.actor)?.size ?? 0) > 1 && e.actorId ? `${e.actor} (${e.actorId})` : e.actor);
}

function when(at: string, timeZone: string): string {
  const d = new Date(at);
  const day = dateFormatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = dateFormatter('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${formatDate(day)} ${time}`;
}

export function describeEvent(e: AuditEvent): string {
  switch (e.action) {
    case 'recommendation_added': {
      const after = (e.after ?? {}) as { updates?: unknown[]; delivery?: DeliveryWindow; status?: Status };
      const n = after.updates?.length ?? 0;
      return `added${e.source === 'import' ? ' from the plan file' : ''}${after.status ? `, ${STATUS_LABELS[after.status]}` : ''}${after.delivery ? `, delivery ${describeDelivery(after.delivery)}` : ''}${n ? `, with ${n} update${n === 1 ? '' : 's'}` : ''}`;
    }
    case 'update_posted': {
      const u = e.after as { date: string; text: string; evidence?: string | null };
      const text = u.text.length > 200 ? `${u.text.slice(0, 200)}…` : u.text;
      return `update dated ${formatDate(u.date)}: "${text}"${u.evidence ? ` (evidence: ${u.evidence})` : ''}`;
    }
    case 'status_changed':
      return `status ${STATUS_LABELS[e.before as Status]} → ${STATUS_LABELS[e.after as Status]}`;
    case 'date_revised':
      return `delivery date ${describeDelivery(e.before as DeliveryWindow)} → ${describeDelivery(e.after as DeliveryWindow)}`;
    case 'owners_changed':
      return `owners ${(e.before as string[]).join(', ') || 'none'} → ${(e.after as string[]).join(', ') || 'none'}`;
    case 'recommendation_changed':
      return 'recommendation text or theme changed';
    case 'priority_changed':
      return `priority ${typeof e.before === 'string' ? e.before : 'none'} → ${typeof e.after === 'string' ? e.after : 'none'}`;
    case 'plan_imported':
      return 'plan imported';
    case 'plan_created':
      return 'plan created';
    case 'plan_changed':
      return `plan settings changed: ${Object.keys((e.after ?? {}) as object).join(', ')}`;
    case 'person_linked':
    case 'person_unlinked':
      return e.action === 'person_linked' ? 'person linked to an owner' : 'person unlinked from an owner';
    case 'board_added':
      return `board ${(e.after as { name: string }).name} added`;
    case 'meeting_added': {
      const m = e.after as { board: string; date: string; papersBy: string };
      return `meeting ${m.board} ${formatDate(m.date)} added (papers by ${formatDate(m.papersBy)})`;
    }
    case 'decision_recorded': {
      const d = e.after as { board: string; decidedOn: string; text: string; supersedes?: number | null };
      return `decision of ${d.board} on ${formatDate(d.decidedOn)}: "${d.text}"${d.supersedes ? ` (corrects decision ${d.supersedes})` : ''}`;
    }
    case 'waiting_changed': {
      const w = e.after as Waiting | null;
      return w ? `waiting on ${describeWaiting(w)}` : `no longer waiting on ${describeWaiting(e.before as Waiting)}`;
    }
    case 'completion_proposed': {
      const p = e.after as Proposal;
      return `completion proposed, awaiting sign-off${p.evidence ? ` (evidence: ${p.evidence})` : ''}`;
    }
    case 'completion_signed_off':
      return `completion signed off (proposed by ${(e.before as Proposal).by})`;
    case 'completion_returned':
      return `completion returned to the owners: "${(e.after as { reason: string }).reason}"`;
    case 'completion_withdrawn':
      return 'proposed completion withdrawn';
  }
}
