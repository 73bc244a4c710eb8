import { LIMITS, type Block, type ModalView } from '../block-kit.js';
import { escapeTruncate } from '../escape.js';
import { button, plain, section } from './parts.js';

/** Which admin form a notice stands in for: its title, the notice's callback id, and the button that opens the form for a plan. */
export interface FormNoticeOf {
  title: string;
  callbackId: string;
  pickAction: string;
}

/**
 * The modal in place of an admin's form: while it loads (the trigger_id lasts 3 seconds, so this opens
 * first), or why it cannot open; with plans to choose from, a button per plan opens the form for it here.
 * It has no submit.
 */
export function formNotice(of: FormNoticeOf, text: string, plans: readonly string[] = []): ModalView {
  const blocks: Block[] = [section(escapeTruncate(text, LIMITS.sectionText))];
  if (plans.length) blocks.push({ type: 'actions', block_id: 'pick_plan', elements: plans.slice(0, LIMITS.actionsElements).map((key) => button(of.pickAction, key, key.slice(0, LIMITS.buttonValue))) });
  return { type: 'modal', callback_id: of.callbackId, title: plain(of.title, LIMITS.viewTitle), close: plain('Close', LIMITS.viewTitle), blocks };
}
