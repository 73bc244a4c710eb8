import { formatDate } from '../../core/ask/format.js';
import type { ProposalNotice } from '../../core/ask/reply.js';
import { LIMITS, type Message, type ModalView } from '../block-kit.js';
import { escapeTruncate } from '../escape.js';
import { ACTION, RETURN_REASON, VIEW } from '../ids.js';
import { button, context, input, plain, section } from './parts.js';

/**
 * The message to a plan's admins when an owner proposes a completion, and the Return modal. Buttons
 * carry `<plan>/<item>@<proposal instant>`: a press answers that proposal only, so one made after a
 * reopen or a second proposal is never signed off by an old button.
 */

export interface ProposalRef {
  plan: string;
  id: string;
  at: string;
}

export function proposalRefValue(r: ProposalRef): string {
  return `${r.plan}/${r.id}@${r.at}`;
}

export function readProposalRef(value: string | undefined): ProposalRef | null {
  const m = /^([^/]+)\/([^@]+)@(.+)$/.exec(value ?? '');
  return m && !Number.isNaN(Date.parse(m[3]!)) ? { plan: m[1]!, id: m[2]!, at: m[3]! } : null;
}

/** `chase`: the reminder once the proposal has waited five working days (the owners are no longer chased meanwhile). */
export function signOffRequestMessage(n: ProposalNotice, o: { chase?: boolean } = {}): Message {
  const ref = proposalRefValue({ plan: n.plan, id: n.id, at: n.at });
  const headline = o.chase
    ? `Still awaiting sign-off: ${n.by} proposed ${n.id} as complete on ${formatDate(n.at.slice(0, 10))}, five working days ago or more.`
    : `${n.by} proposes ${n.id} as complete: it awaits your sign-off.`;
  return {
    text: headline,
    blocks: [
      section(`*${escapeTruncate(headline, 300)}*\n*${escapeTruncate(n.id, 40)}* ${escapeTruncate(n.title, 300)}`),
      context(`Plan: *${escapeTruncate(n.plan, 60)}*`, `Owners: ${escapeTruncate(n.owners.join(', ') || 'none', 300)}`),
      section(n.evidence ? `Evidence: ${escapeTruncate(n.evidence, 2000)}` : '_No evidence given._'),
      {
        type: 'actions',
        elements: [button(ACTION.signOff, 'Sign off', ref, { style: 'primary' }), button(ACTION.signOffReturn, 'Return', ref)],
      },
    ],
  };
}

/** What the message becomes once answered: the outcome in place of the buttons. */
export function signOffAnsweredMessage(text: string): Message {
  return { text, blocks: [section(escapeTruncate(text, LIMITS.sectionText))] };
}

export function returnModal(ref: ProposalRef): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.signOffReturn,
    title: plain(`Return ${ref.id}`, LIMITS.viewTitle),
    submit: plain('Return', LIMITS.viewTitle),
    close: plain('Cancel', LIMITS.viewTitle),
    private_metadata: proposalRefValue(ref),
    blocks: [
      section(`The owners of *${escapeTruncate(ref.id, 40)}* are told the reason; the item keeps its status.`),
      input(RETURN_REASON.block, 'Why it goes back', { type: 'plain_text_input', action_id: RETURN_REASON.input, multiline: true, max_length: 2000 }),
    ],
  };
}
