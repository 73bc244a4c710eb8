import { readDelivery } from '../../dates/read-delivery.js';
import type { Recommendation } from '../../plan/recommendation.js';
import { titleOf } from '../../plan/recommendation.js';
import { allowedTransitions, isClosed, parseStatus, STATUS_LABELS, type Status } from '../../plan/status.js';
import { canChange, refusal } from '../actor.js';
import { cleanText, tooLong, URL_IN_TEXT } from '../clean-text.js';
import type { Turn } from '../context.js';
import { describeDelivery, describeWindow, formatDate } from '../format.js';
import { meta } from '../handlers/change.js';
import { completionChange, proposalNotice, proposedSentence } from '../handlers/sign-off.js';
import { itemView, say, type Reply } from '../reply.js';
import type { Intent } from '../intent.js';
import { parseIntent } from '../intents/parse-intent.js';
import { isBack, isCancel, isSkip, isYes } from './answers.js';
import { expiresAt, type UpdateState, type UpdateStep } from './state.js';

/**
 * `update 4.2.1` as a conversation: the update, then the status, then the delivery date
 * (read, echoed and confirmed), then one audited save. skip, back and cancel work at every step.
 */

export async function startUpdate(turn: Turn, rec: Recommendation): Promise<Reply> {
  const state: UpdateState = { flow: 'update', planId: turn.plan.id, recId: rec.id, step: 'update_text', trail: [], text: null, status: null, delivery: null, pendingDate: null };
  const intro = `Updating ${rec.id}: ${titleOf(rec.text, 80)}\nStatus: ${STATUS_LABELS[rec.status]} · Delivery: ${describeDelivery(rec.delivery)}`;
  return ask(turn, state, rec, intro);
}

export async function continueUpdate(turn: Turn, state: UpdateState, answer: string): Promise<Reply> {
  if (isCancel(answer)) {
    await turn.conversations.clear(turn.conversationKey);
    return say(`Cancelled — nothing was saved to ${state.recId}.`);
  }
  const rec = await turn.store.get(state.recId);
  if (!rec) {
    await turn.conversations.clear(turn.conversationKey);
    return say(`${state.recId} is no longer in the plan, so the update was dropped.`, { error: 'not_found' });
  }
  if (isBack(answer)) {
    const previous = state.trail.at(-1);
    if (!previous) return ask(turn, state, rec, 'This is the first question.');
    return ask(turn, { ...state, step: previous, trail: state.trail.slice(0, -1) }, rec);
  }
  const next = { ...state, trail: [...state.trail, state.step] };
  switch (state.step) {
    case 'update_text': {
      const text = isSkip(answer) && answer.trim().toLowerCase() === 'skip' ? null : cleanText(answer);
      if (text !== null && !text) return ask(turn, state, rec, 'The update is empty.');
      const long = text && tooLong(text);
      if (long) return ask(turn, state, rec, long);
      return ask(turn, { ...next, text, step: 'status' }, rec);
    }
    case 'status': {
      if (isSkip(answer)) return ask(turn, { ...next, status: null, step: 'delivery_date' }, rec);
      const options = allowedTransitions(rec.status);
      const byNumber = /^\d+$/.test(answer.trim()) ? options[Number(answer.trim()) - 1] : undefined;
      const status = byNumber ?? parseStatus(answer.replace(/^(?:yes|yep|yeah)\b[\s,.:;–—-]*(?:it(?:'s|\s+is)\s+(?:now\s+)?|now\s+)?/i, ''));
      // "yes": it changes, but to what.
      if (!status && isYes(answer)) return ask(turn, state, rec, 'To which status? Type its number or its name.');
      if (!status && elsewhere(answer)) return ask(turn, state, rec, stillOpen(rec.id));
      if (!status || (status !== rec.status && !options.includes(status))) {
        return ask(turn, state, rec, `I can't set ${rec.id} to "${answer.trim()}" from ${STATUS_LABELS[rec.status].toLowerCase()}.`);
      }
      const chosen = status === rec.status ? null : status;
      // A closed item has no delivery date left to chase, so the date question is skipped.
      if (chosen && isClosed(chosen)) return save(turn, { ...next, status: chosen, delivery: null }, rec);
      return ask(turn, { ...next, status: chosen, step: 'delivery_date' }, rec);
    }
    case 'delivery_date': {
      if (isSkip(answer)) return save(turn, { ...next, delivery: null }, rec);
      const read = readDelivery(cleanText(answer), { today: turn.today, timeZone: turn.timeZone });
      if (!read.ok) return ask(turn, state, rec, elsewhere(answer) ? stillOpen(rec.id) : read.error);
      return ask(turn, { ...next, pendingDate: read.window, step: 'confirm_date' }, rec);
    }
    case 'confirm_date': {
      if (isYes(answer)) return save(turn, { ...next, delivery: state.pendingDate }, rec);
      if (isSkip(answer)) return ask(turn, { ...state, pendingDate: null, step: 'delivery_date', trail: state.trail.slice(0, -1) }, rec, 'Then type the date again, worded differently — or `skip` to keep the current one.');
      // Anything else is taken as a corrected date.
      return continueUpdate(turn, { ...state, step: 'delivery_date', trail: state.trail.slice(0, -1) }, answer);
    }
  }
}

/**
 * A question or a command of its own ("status 4.2.2", "what's overdue?") typed while a status or a date is asked
 * for: the update is kept open rather than the message read as an answer it is not.
 */
function elsewhere(answer: string): boolean {
  return ELSEWHERE.has(parseIntent(answer).kind);
}
const ELSEWHERE = new Set<Intent['kind']>(['query', 'status', 'who_owns', 'history', 'paper', 'update', 'complete', 'chase', 'help', 'decisions', 'meetings', 'plans', 'which_plan', 'assign', 'date']);

const stillOpen = (id: string) => `Your update on ${id} is still open, so that was not read as an answer. Answer the question below to finish it, or \`cancel\` (nothing is saved) and ask again.`;

async function ask(turn: Turn, state: UpdateState, rec: Recommendation, preface?: string): Promise<Reply> {
  await turn.conversations.save(turn.conversationKey, state, turn.now.toISOString(), expiresAt(turn.now));
  const { text, choices } = question(state, rec);
  return say([preface, text].filter(Boolean).join('\n'), { awaiting: state.step, choices, items: [itemView(rec, turn.today)] });
}

function question(state: UpdateState, rec: Recommendation): { text: string; choices?: string[] } {
  const steer = '(`back` for the previous question, `cancel` to stop)';
  switch (state.step as UpdateStep) {
    case 'update_text':
      return { text: `What's the update on ${rec.id}? Type it as you want it in the log, or \`skip\` to leave the text out. (\`cancel\` to stop)` };
    case 'status': {
      const options = allowedTransitions(rec.status);
      const list = options.map((s, i) => `${i + 1}. ${STATUS_LABELS[s]}`).join('  ');
      return { text: `Status is ${STATUS_LABELS[rec.status]}. Does it change? ${list} — or \`no\` to keep it. ${steer}`, choices: [...options.map((s) => STATUS_LABELS[s]), 'No change'] };
    }
    case 'delivery_date':
      return { text: `Delivery date is ${describeDelivery(rec.delivery)}. Has it moved? Type the new date (e.g. "end of next month", "31/03/2018", "Q1 2018") or \`no\`. ${steer}` };
    case 'confirm_date':
      return { text: `I read "${state.pendingDate!.text}" as ${describeWindow(state.pendingDate!)}. Is that right? (\`yes\` / \`no\`, or type the date again)`, choices: ['Yes', 'No'] };
  }
}

async function save(turn: Turn, state: UpdateState, rec: Recommendation): Promise<Reply> {
  await turn.conversations.clear(turn.conversationKey);
  if (!canChange(turn.actor, rec)) return say(refusal(turn.actor, rec), { error: 'not_permitted' });
  const status: Status | null = state.status && state.status !== rec.status ? state.status : null;
  const delivery = state.delivery && state.delivery.text !== rec.delivery.text ? state.delivery : null;
  if (!state.text && !status && !delivery) return say(`Nothing to save — ${rec.id} is unchanged.`, { items: [itemView(rec, turn.today)] });
  const change = completionChange(
    turn,
    {
      ...meta(turn),
      recId: rec.id,
      ...(state.text ? { update: { date: turn.today, text: state.text, author: turn.actor.name, evidence: state.text.match(URL_IN_TEXT)?.[0] ?? null } } : {}),
      ...(status ? { status } : {}),
      ...(delivery ? { delivery } : {}),
    },
    state.text?.match(URL_IN_TEXT)?.[0] ?? state.text ?? null,
  );
  const saved = await turn.store.change(change);
  const lines = [`Saved ${rec.id}:`];
  if (state.text) lines.push(`• update recorded, dated ${formatDate(turn.today)}`);
  if (change.proposal) lines.push(`• ${proposedSentence(saved)}`);
  else if (status) lines.push(`• status ${STATUS_LABELS[rec.status]} → ${STATUS_LABELS[status]}`);
  if (delivery) {
    lines.push(`• delivery date ${rec.delivery.text ? `"${rec.delivery.text}"` : '(none given)'} → "${delivery.text}" (${describeWindow(delivery)})`);
    lines.push(`• baseline kept: ${describeDelivery(saved.baseline)}`);
  }
  return say(lines.join('\n'), { items: [itemView(saved, turn.today)], changed: true, ...(change.proposal ? { proposed: proposalNotice(turn, saved) } : {}) });
}
