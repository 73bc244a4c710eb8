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
  // The decision form: a plan chosen for it (value: the plan's key), and its item picker's search in a big plan.
  openDecision: 'concerto_open_decision',
  openMeeting: 'concerto_open_meeting',
  decisionItems: 'concerto_decision_items',
} as const;

export const VIEW = {
  update: 'concerto_update_modal',
  /** The modal while the form loads, or saying why it cannot open; it has no Save. */
  loading: 'concerto_update_loading',
  /** Return a proposed completion: the reason, sent to the owners. */
  signOffReturn: 'concerto_sign_off_return_modal',
  /** Record a board's decision (plan admins). */
  decision: 'concerto_decision_modal',
  /** The decision form while it loads, or saying why it cannot open; it has no Save. */
  decisionNotice: 'concerto_decision_notice',
  /** Add a board's meeting (plan admins). */
  meeting: 'concerto_meeting_modal',
  meetingNotice: 'concerto_meeting_notice',
} as const;

/** Input blocks of the meeting modal; field errors are keyed by these block ids. */
export const MEETING_BLOCK = { board: 'meeting_board', date: 'meeting_date', papersBy: 'meeting_papers_by' } as const;
export const MEETING_INPUT = { board: 'value', date: 'value', papersBy: 'value' } as const;

/** Input blocks of the decision modal; field errors are keyed by these block ids. */
export const DECISION_BLOCK = {
  board: 'decision_board',
  day: 'decision_day',
  outside: 'decision_outside',
  text: 'decision_text',
  affects: 'decision_affects',
} as const;

/** The action id inside each of the decision modal's inputs; the item picker's is the one its search is routed by. */
export const DECISION_INPUT = {
  board: 'value',
  day: 'value',
  outside: 'value',
  text: 'value',
  affects: ACTION.decisionItems,
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
