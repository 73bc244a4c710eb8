/** Every Slack id the app uses, declared once: actions, views, blocks and inputs. */
export const ACTION = {
  share: 'concerto_share',
  showMore: 'concerto_show_more',
  openUpdate: 'concerto_open_update',
  complete: 'concerto_complete',
  history: 'concerto_history',
  choose: 'concerto_choose',
  // Nudges (reminders issue): snooze and change date reuse these.
  snooze: 'concerto_snooze',
  mute: 'concerto_mute',
  changeDate: 'concerto_change_date',
  // A document's preview (the plan-from-its-document issue): the value is the pending import's id.
  importConfirm: 'concerto_import_confirm',
  importCancel: 'concerto_import_cancel',
  // The message to owners when a decision affecting their item is recorded: the value is `<plan>/<item>#<decision id>`.
  decisionMoveOn: 'concerto_decision_move_on',
  decisionStillWaiting: 'concerto_decision_still_waiting',
  // The message to a plan's admins when an owner proposes a completion: the value is `<plan>/<item>@<proposal instant>`.
  signOff: 'concerto_sign_off',
  signOffReturn: 'concerto_sign_off_return',
} as const;

export const VIEW = {
  update: 'concerto_update_modal',
  /** The modal while the form loads, or saying why it cannot open; it has no Save. */
  loading: 'concerto_update_loading',
  /** Return a proposed completion: the reason, sent to the owners. */
  signOffReturn: 'concerto_sign_off_return_modal',
} as const;

/** The return modal's one input (block id, then the action id inside it). */
export const RETURN_REASON = { block: 'return_reason', input: 'value' } as const;

/** Input blocks of the update modal; field errors are keyed by these block ids. */
export const UPDATE_BLOCK = {
  text: 'update_text',
  status: 'update_status',
  delivery: 'update_delivery',
  evidence: 'update_evidence',
} as const;

/** The action id inside each input block (Slack nests values as block_id → action_id). */
export const UPDATE_INPUT = {
  text: 'value',
  status: 'value',
  delivery: 'value',
  evidence: 'value',
} as const;

export const COMMAND = '/concerto';
