import { formatDate } from '../../core/ask/format.js';
import { asksForAnswer, type DecisionNoticeItem, type DecisionNoticePayload } from '../../core/governance/decision-notice.js';
import { STATUS_LABELS } from '../../core/plan/status.js';
import { LIMITS, textLength, type Block, type Message } from '../block-kit.js';
import { decisionRef } from '../decision-ref.js';
import { escapeTruncate } from '../escape.js';
import { ACTION } from '../ids.js';
import { button, context, section } from './parts.js';

/** Items given their own buttons; the rest are listed (two blocks each, inside Slack's 50 per message). */
const MAX_ASKED = 20;
/** Block text kept under Slack's total for one message (LIMITS.messageText), with room for the summary. */
const TEXT_BUDGET = 9000;

/**
 * The message an owner gets when a decision affecting their items is recorded: the board, the
 * meeting or day, the decision in the board's words, and for each of their items still at Awaiting
 * decision **Move on** (the update form) and **Still waiting**; other items are a line each.
 */
export function decisionMessage(p: DecisionNoticePayload): Message {
  const { decision: d } = p;
  const when = d.meetingDate ? `at its meeting on ${formatDate(d.meetingDate)}` : `on ${formatDate(d.decidedOn)} (outside a meeting)`;
  const board = escapeTruncate(d.board, 60);
  const ids = p.items.map((i) => i.id);
  const headline = `${d.board} decided ${when}, affecting ${ids.length === 1 ? 'your item' : 'your items'} ${ids.join(', ')}.`;
  const asked = p.items.filter(asksForAnswer).slice(0, MAX_ASKED);
  const listed = p.items.filter((i) => !asked.includes(i));
  const blocks: Block[] = [
    section(`*${board} decided ${when}*${d.supersedes ? ` (correcting decision #${d.supersedes})` : ''}:\n>${escapeTruncate(d.text, 2000).replace(/\n/g, '\n>')}`),
    context(`Plan: *${escapeTruncate(p.plan.key, 60)}* — ${escapeTruncate(p.plan.title, 200)}`, `Decision #${d.id}`),
  ];
  const left: DecisionNoticeItem[] = [];
  for (const item of asked) {
    if (textLength(blocks) > TEXT_BUDGET) {
      left.push(item);
      continue;
    }
    const value = decisionRef({ plan: p.plan.key, id: item.id, decision: d.id });
    blocks.push(
      section(`*${item.id}* ${escapeTruncate(item.title, 300)}\n${waitingLine(item)} Has the decision moved it on?`),
      {
        type: 'actions',
        block_id: `decision_${item.id}`.slice(0, LIMITS.id),
        elements: [button(ACTION.decisionMoveOn, 'Move on', value, { style: 'primary' }), button(ACTION.decisionStillWaiting, 'Still waiting', value)],
      },
    );
  }
  // Items not waiting (and waiting ones past MAX_ASKED): a line each, while the message has room.
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) blocks.push(section(lines.join('\n')));
    lines = [];
  };
  for (const item of listed) {
    const line = `• *${item.id}* ${escapeTruncate(item.title, 200)} — ${STATUS_LABELS[item.status]}`;
    if (textLength(blocks) + lines.join('\n').length + line.length > TEXT_BUDGET) {
      left.push(item);
      continue;
    }
    if (lines.join('\n').length + line.length + 1 > LIMITS.sectionText) flush();
    lines.push(line);
  }
  flush();
  // Past Slack's size for one message: the rest by number, each answerable with `update <id>`.
  if (left.length) blocks.push(section(escapeTruncate(`Also affected: ${left.map((i) => i.id).join(', ')} (use \`update <id>\` for these).`, LIMITS.sectionText)));
  return { text: escapeTruncate(headline, 2900), blocks };
}

function waitingLine(item: DecisionNoticeItem): string {
  return item.waiting ? `Awaiting decision: ${escapeTruncate(item.waiting.what, 300)}${item.waiting.board ? ` (${escapeTruncate(item.waiting.board, 60)})` : ''}.` : 'Awaiting decision.';
}
