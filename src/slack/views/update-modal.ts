import { formatDate } from '../../core/ask/format.js';
import type { UpdateFormData } from '../../core/ask/update-form.js';
import { isTimeZone } from '../../core/dates/today.js';
import { STATUSES, type Status } from '../../core/plan/status.js';
import { LIMITS, type Block, type ModalView, type Option } from '../block-kit.js';
import { escapeTruncate, truncate } from '../escape.js';
import { ACTION, UPDATE_BLOCK, UPDATE_INPUT, VIEW } from '../ids.js';
import { itemRef } from '../item-ref.js';
import { button, context, fieldErrors, input, plain, section } from './parts.js';

/** Where the modal was opened from, so the listener can reply there after saving. */
export interface UpdateModalOptions {
  /** The plan's key, once there is more than one plan. */
  plan?: string;
  conversation?: string;
  channel?: string;
  thread?: string;
}

/**
 * What the modal carries back on Save. The item's status and date as shown, and the timezone, let the
 * submission be checked with no I/O before Slack's 3-second ack; the save checks again against the plan.
 */
export interface UpdateMetadata extends UpdateModalOptions {
  id: string;
  status?: Status;
  delivery?: string;
  tz?: string;
}

export function updateModal(data: UpdateFormData, opts: UpdateModalOptions = {}): ModalView {
  const owners = data.owners.length ? data.owners.join(', ') : 'no owner';
  const blocks: Block[] = [
    section(`*${escapeTruncate(data.id, 100)}* ${escapeTruncate(data.title, 1000)}`),
    context(
      `*Owners:* ${escapeTruncate(owners, 500)}`,
      `*Status:* ${escapeTruncate(data.statusLabel, 100)}`,
      `*Delivery:* ${escapeTruncate(data.deliveryText.trim() || 'none', 300)} — ${escapeTruncate(readingOnly(data.deliveryText, data.deliveryReading), 300)}`,
    ),
    ...data.recentUpdates.slice(0, 3).map((u) => {
      const who = u.author ? escapeTruncate(u.author, 100) : 'unknown';
      return context(`*${formatDate(u.date)}* · ${who}: ${escapeTruncate(u.text, 300)}`);
    }),
    { type: 'divider' },
    input(UPDATE_BLOCK.text, 'Update', { type: 'plain_text_input', action_id: UPDATE_INPUT.text, multiline: true, max_length: LIMITS.inputLength }),
  ];
  const options: Option[] = data.statusOptions.slice(0, LIMITS.selectOptions).map((o) => ({ text: plain(o.label, LIMITS.optionText), value: o.status }));
  const current = options.find((o) => o.value === data.status);
  if (options.length) {
    blocks.push(input(UPDATE_BLOCK.status, 'Status', { type: 'static_select', action_id: UPDATE_INPUT.status, options, ...(current ? { initial_option: current } : {}) }, true));
  }
  // A prefilled value longer than max_length makes Slack reject the view; no real date phrase is near 3000.
  const delivery = truncate(data.deliveryText, LIMITS.inputLength, '');
  blocks.push(
    input(UPDATE_BLOCK.delivery, 'Delivery date', { type: 'plain_text_input', action_id: UPDATE_INPUT.delivery, max_length: LIMITS.inputLength, ...(delivery ? { initial_value: delivery } : {}) }, true, 'Natural language is fine: “end of next month”, “Q1 2018”, “31/03/2018”, “TBC”'),
    input(UPDATE_BLOCK.evidence, 'Evidence link', { type: 'plain_text_input', action_id: UPDATE_INPUT.evidence, max_length: LIMITS.inputLength, placeholder: plain('https://…', LIMITS.placeholder) }, true, 'a link to minutes or a document'),
  );
  return {
    type: 'modal',
    callback_id: VIEW.update,
    title: plain(`Update ${data.id}`, LIMITS.viewTitle),
    submit: plain('Save', LIMITS.viewTitle),
    close: plain('Cancel', LIMITS.viewTitle),
    private_metadata: metadata({ id: data.id, status: data.status, delivery: data.deliveryText, tz: data.timeZone, ...opts }),
    blocks,
  };
}

/**
 * Shown the moment the button or command is used: a trigger_id expires 3 seconds after the click,
 * so the modal opens before anything is read, and is then updated with the form (or why not).
 */
export function loadingModal(recId: string): ModalView {
  return { type: 'modal', callback_id: VIEW.loading, title: plain(`Update ${recId}`, LIMITS.viewTitle), close: plain('Close', LIMITS.viewTitle), blocks: [section(`Opening *${escapeTruncate(recId, 100)}*…`)] };
}

/**
 * The modal when the form cannot be shown: an unknown item, no right to change it, or a failure. With
 * plans to pick from (the number is in several), a button per plan opens the form for it in this modal.
 */
export function noticeModal(recId: string, text: string, plans: string[] = []): ModalView {
  const blocks: Block[] = [section(escapeTruncate(text, LIMITS.sectionText))];
  if (plans.length) {
    blocks.push({ type: 'actions', block_id: 'pick_plan', elements: plans.slice(0, 25).map((key) => button(ACTION.openUpdate, key, itemRef({ id: recId, plan: key }).slice(0, LIMITS.buttonValue))) });
  }
  return { type: 'modal', callback_id: VIEW.loading, title: plain(`Update ${recId}`, LIMITS.viewTitle), close: plain('Close', LIMITS.viewTitle), blocks };
}


/** "By end 2017 (by 31 Dec 2017)" already repeats the phrase; the context line wants only the reading. */
function readingOnly(text: string, reading: string): string {
  const t = text.trim();
  const rest = t && reading.startsWith(t) ? reading.slice(t.length).trim() : reading.trim();
  return rest.replace(/^\((.*)\)$/, '$1') || 'no date';
}

/**
 * private_metadata is capped at 3000 characters. The item id is what matters; without the item's
 * state the ack checks less and the save the rest, and the reply target is a nicety.
 */
function metadata(m: UpdateMetadata): string {
  const full = JSON.stringify(m);
  if (full.length <= LIMITS.privateMetadata) return full;
  const lean = JSON.stringify({ id: m.id, ...(m.plan ? { plan: m.plan } : {}), ...(m.tz ? { tz: m.tz } : {}) });
  return lean.length <= LIMITS.privateMetadata ? lean : JSON.stringify({ id: truncate(m.id, 2000, '') });
}

export function parseUpdateMetadata(s: string | undefined): UpdateMetadata | null {
  try {
    const v = JSON.parse(s ?? '') as Partial<UpdateMetadata> | null;
    if (!v || typeof v.id !== 'string') return null;
    const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
    const status = STATUSES.find((s) => s === v.status);
    return { id: v.id, plan: str(v.plan), conversation: str(v.conversation), channel: str(v.channel), thread: str(v.thread), status, delivery: str(v.delivery), tz: typeof v.tz === 'string' && isTimeZone(v.tz) ? v.tz : undefined };
  } catch {
    return null;
  }
}

type StateValues = Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null }>>;

export interface UpdateSubmission {
  text: string;
  status: string | null;
  delivery: string;
  evidence: string;
}

/** Reads `view.state.values` (block_id → action_id → element state); missing or empty fields become '' / null. */
export function readUpdateSubmission(values: StateValues | undefined): UpdateSubmission {
  const get = (field: keyof typeof UPDATE_BLOCK) => values?.[UPDATE_BLOCK[field]]?.[UPDATE_INPUT[field]];
  const text = (field: keyof typeof UPDATE_BLOCK) => {
    const v = get(field)?.value;
    return typeof v === 'string' ? v.trim() : '';
  };
  const status = get('status')?.selected_option?.value;
  return { text: text('text'), status: typeof status === 'string' ? status : null, delivery: text('delivery'), evidence: text('evidence') };
}

/** Field errors for `response_action: 'errors'`, keyed by input block id. Ours are short; the cap is a safety net. */
export const modalErrors = (errors: Partial<Record<keyof typeof UPDATE_BLOCK, string>>): Record<string, string> => fieldErrors(UPDATE_BLOCK, errors);
