import type { ItemView, Reply } from '../../core/ask/reply.js';
import { STATUS_LABELS } from '../../core/plan/status.js';
import { priorityWords } from '../../core/ask/format.js';
import { describeWaiting } from '../../core/governance/waiting.js';
import { LIMITS, textLength, type Block, type Button, type Message, type SectionBlock } from '../block-kit.js';
import { escapeTruncate, truncate } from '../escape.js';
import { ACTION } from '../ids.js';
import { button, context, section, splitLines } from './parts.js';

/** Items per page once a list is too long to show whole (20 sections keeps a page well under 50 blocks). */
export const PAGE_SIZE = 20;
const MAX_CHOICE_BUTTONS = 5;
const FALLBACK_MAX = 300;

export interface ReplyOptions {
  /** Zero-based page of `reply.items` to show; clamped to the pages there are. */
  page?: number;
  /** Offer "Share in channel" (for ephemeral or DM replies). */
  shareable: boolean;
  /** The question as asked; buttons that re-run it (show more, share) need it, so they are left out without it. */
  source?: string;
}

/** What "Show more" and "Share in channel" carry: the question and a page, as JSON `{"q":…,"p":…}`. */
export interface ListValue {
  q: string;
  p: number;
}

/** Encodes a button value within Slack's 2000-character limit, cutting a long question rather than failing. */
export function encodeListValue(q: string, p: number): string {
  let question = q;
  for (;;) {
    const value = JSON.stringify({ q: question, p });
    if (value.length <= LIMITS.buttonValue) return value;
    question = truncate(question, question.length - (value.length - LIMITS.buttonValue), '');
  }
}

export function decodeListValue(value: string | undefined): ListValue | null {
  try {
    const v: unknown = JSON.parse(value ?? '');
    if (!v || typeof v !== 'object') return null;
    const { q, p } = v as Record<string, unknown>;
    return typeof q === 'string' && typeof p === 'number' && Number.isInteger(p) && p >= 0 ? { q, p } : null;
  } catch {
    return null;
  }
}

export function replyMessage(reply: Reply, opts: ReplyOptions): Message {
  const total = reply.items.length;
  const paged = total > PAGE_SIZE;
  const pages = Math.ceil(total / PAGE_SIZE);
  const page = paged ? Math.min(Math.max(0, Math.floor(opts.page ?? 0)), pages - 1) : 0;
  const tail: Block[] = [];

  if (paged) {
    const from = page * PAGE_SIZE;
    const shown = reply.items.slice(from, from + PAGE_SIZE);
    tail.push(context(`Showing ${from + 1}–${from + shown.length} of ${total}`), ...shown.map(itemSection));
  }
  tail.push(...choiceBlocks(reply));
  const buttons: Button[] = [];
  if (opts.source !== undefined && paged && page < pages - 1) {
    const next = (page + 1) * PAGE_SIZE;
    const label = `Show more (${next + 1}–${Math.min(next + PAGE_SIZE, total)} of ${total})`;
    buttons.push(button(ACTION.showMore, label, encodeListValue(opts.source, page + 1)));
  }
  if (opts.source !== undefined && opts.shareable) buttons.push(button(ACTION.share, 'Share in channel', encodeListValue(opts.source, page)));
  if (buttons.length) tail.push({ type: 'actions', block_id: 'reply_actions', elements: buttons });

  const firstLine = reply.text.split('\n').find((l) => l.trim()) ?? '';
  const text = escapeTruncate(firstLine.trim(), FALLBACK_MAX) || 'Concerto';
  // Slack caps a message's text at 12,000 characters across blocks; the reply's own text gets what the rest leaves.
  const budget = Math.max(0, LIMITS.messageText - text.length - textLength(tail));
  const body = escapeTruncate(paged ? withoutItemLines(reply.text) : reply.text, budget);
  const head = splitLines(body).slice(0, LIMITS.messageBlocks - tail.length).map((chunk) => section(chunk));
  return { text, blocks: [...head, ...tail] };
}

/** The text's own "• 1.2 …" lines and "…and N more" repeat what the paged sections show better. */
function withoutItemLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*•\s/.test(l) && !/^…and \d+ more/.test(l))
    .join('\n');
}

function itemSection(item: ItemView): SectionBlock {
  const marker = item.overdue ? '🔴 ' : '';
  const owners = item.owners.length ? item.owners.join(', ') : 'no owner';
  const due = item.delivery.text.trim() || 'no date';
  const late = item.overdue ? ' — *overdue*' : '';
  const first = `${marker}*${escapeTruncate(item.id, 40)}* ${escapeTruncate(item.title, 120)}`;
  const priority = item.priority ? ` · ${escapeTruncate(priorityWords(item.priority), 60)}` : '';
  const waits = item.waiting ? `\n_waiting on ${escapeTruncate(describeWaiting(item.waiting), 200)}_` : '';
  return section(`${first}\n${escapeTruncate(owners, 120)} · ${escapeTruncate(due, 80)} · ${STATUS_LABELS[item.status]}${priority}${late}${waits}${item.proposal ? `\n_complete — awaiting sign-off_${item.proposal.evidence ? ` · evidence: ${escapeTruncate(item.proposal.evidence, 200)}` : ''}` : ''}`);
}

/** One actions block per choice: Slack wants action_ids unique within a block, and listeners match ACTION.choose exactly. */
function choiceBlocks(reply: Reply): Block[] {
  const choices = reply.awaiting && reply.choices ? reply.choices.filter((c) => c.trim()) : [];
  const blocks: Block[] = choices.slice(0, MAX_CHOICE_BUTTONS).map((c, i) => ({
    type: 'actions',
    block_id: `choose_${i}`,
    elements: [button(ACTION.choose, c, truncate(c, LIMITS.buttonValue, ''))],
  }));
  if (choices.length > MAX_CHOICE_BUTTONS) blocks.push(context(`Or reply with the number of your choice (1–${choices.length}).`));
  return blocks;
}
