import { allowedTransitions, STATUS_LABELS, type Status } from '../plan/status.js';
import { titleOf, type UpdateEntry } from '../plan/recommendation.js';
import type { Turn } from './context.js';
import { describeDelivery } from './format.js';
import { changeable } from './handlers/change.js';
import { isReply } from './lookup.js';
import type { Reply } from './reply.js';

/** Everything the update form shows, read before it opens: the item, its owners, status, date (as written and as read), recent updates. */
export interface UpdateFormData {
  id: string;
  title: string;
  text: string;
  theme: string;
  owners: string[];
  status: Status;
  statusLabel: string;
  /** The current status first, then the statuses it may move to. */
  statusOptions: Array<{ status: Status; label: string }>;
  deliveryText: string;
  deliveryReading: string;
  recentUpdates: UpdateEntry[];
  /** The timezone the form's dates are read in (the person's, else the plan's). */
  timeZone: string;
}

const RECENT = 3;

export async function updateFormData(turn: Turn, recId: string): Promise<UpdateFormData | Reply> {
  const rec = await changeable(turn, recId);
  if (isReply(rec)) return rec;
  return {
    id: rec.id,
    title: titleOf(rec.text),
    text: rec.text,
    theme: rec.theme,
    owners: rec.owners,
    status: rec.status,
    statusLabel: STATUS_LABELS[rec.status],
    statusOptions: [rec.status, ...allowedTransitions(rec.status)].map((s) => ({ status: s, label: STATUS_LABELS[s] })),
    deliveryText: rec.delivery.text,
    deliveryReading: describeDelivery(rec.delivery),
    recentUpdates: rec.updates.slice(-RECENT).reverse(),
    timeZone: turn.timeZone,
  };
}
