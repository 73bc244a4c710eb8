import type { ShiftUnit } from '../dates/shift-window.js';
import type { Rag } from '../plan/rag.js';
import type { Status } from '../plan/status.js';

/**
 * What a message asks for, before anything is looked up. The same words typed after
 * `/concerto`, in a DM or in the terminal give the same intent.
 *
 * Names, themes and date phrases are kept as the person wrote them; the engine resolves
 * them against the plan (an ambiguous owner gets a question back, an unreadable date a refusal).
 */
export type Intent =
  | { kind: 'help'; topic: string | null }
  /** Thanks, a greeting, a goodbye or an "ok": answered in kind, nothing read or changed. */
  | { kind: 'chat'; says: 'thanks' | 'hello' | 'bye' | 'ack' }
  /** `ask: 'due'`: "when is 4.2.1 due?" — the delivery date alone, with how it stands today. `ask: 'updates'`: "all updates on 4.2.1" — its whole update log. */
  | { kind: 'status'; id: string; ask?: 'due' | 'slipped' | 'updates' }
  | { kind: 'who_owns'; id: string }
  /** Ask the item's owners for an update now, with a note in the sender's words. */
  | { kind: 'chase'; id: string; note: string | null }
  | { kind: 'history'; id: string }
  | { kind: 'query'; filter: QueryFilter }
  | { kind: 'update'; id: string; text: string | null }
  | { kind: 'complete'; id: string; evidence: string | null; /** "on 5 December", "last week": when it was done, as said. */ done?: string }
  /** A plan admin signs off, or returns with a reason, an owner's proposed completion. */
  | { kind: 'sign_off'; id: string }
  | { kind: 'return_proposal'; id: string; reason: string | null }
  | { kind: 'reopen'; id: string; reason: string | null }
  /** `date 4.2.1 March 2018`; "extend 4.2.1 by two months" moves its present date on by `shift` (the phrase is the words typed). */
  | { kind: 'date'; id: string; phrase: string; shift?: { amount: number; unit: ShiftUnit } }
  | { kind: 'set_status'; id: string; status: Status }
  | { kind: 'when'; phrase: string }
  /** "board paper as at 1 March in Excel": the paper, its words as typed (format, dates, a meeting). */
  | { kind: 'paper'; words: string }
  /**
   * `assign 4.2.1 Karen` names every owner; "reassign 4.2.1 from Neil to Karen" swaps one (`replacing`),
   * "add Karen as an owner of 4.2.1" adds (`edit: 'add'`), "remove Neil from 4.2.1" takes one off (`edit: 'remove'`).
   */
  /** "snooze 4.2.1 for two weeks", "stop nudging me about 4.2.1", "resume reminders for 4.2.1": the speaker's own nudges. */
  | { kind: 'nudge_preference'; id: string; action: 'snooze' | 'mute' | 'resume'; until: string | null; for: { amount: number; unit: ShiftUnit } | null }
  | { kind: 'assign'; id: string; owners: string[]; replacing?: string; edit?: 'add' | 'remove' }
  /** `priority IA-02 High`, "set the priority of IA-02 to high": null clears it ("none"). */
  | { kind: 'set_priority'; id: string; priority: string | null }
  | { kind: 'add'; id: string; fields: AddFields }
  | { kind: 'plans' }
  /** `use KEY`; "use the audit plan" gives words of its title (`byTitle`). */
  | { kind: 'use'; key: string; byTitle?: boolean }
  /** "what plan am I using?": where questions go now, and why. */
  | { kind: 'which_plan' }
  /** "which plans have 4.2.1?": the plans with an item of that number. */
  | { kind: 'plans_holding'; id: string }
  | { kind: 'plan_create'; key: string; settings: PlanSettingsText }
  | { kind: 'plan_set'; key: string; settings: PlanSettingsText }
  | { kind: 'plan_state'; key: string; state: 'active' | 'archived' }
  | GovernanceIntent
  | { kind: 'unknown'; text: string; reason: string | null };

/** Boards, meetings, the decision log, and what an item waits on (core/ask/handlers/governance.ts). Names and dates as typed. */
export type GovernanceIntent =
  | { kind: 'boards' }
  | { kind: 'board_add'; name: string; title: string | null }
  /** `next`: "when is the next SAS?" — the next meeting only (intents/meetings-question.ts). */
  | { kind: 'meetings'; board: string | null; next?: boolean }
  | { kind: 'meeting_add'; board: string; date: string; papersBy: string | null }
  /** `outsideMeeting`: "decision SAS on DATE …", a decision taken outside any meeting. */
  /** `outsideMeeting`: "on DATE" (true), at a meeting (false), or whichever the day was ('unless_met': said in words, "SAS agreed on 12 October to …"). */
  | { kind: 'decision'; board: string; date: string; outsideMeeting: boolean | 'unless_met'; text: string; affects: string[]; corrects: number | null }
  /** "correct decision 2 "…" [affects …]": a new decision of the same board and day that supersedes #n (its items unless others are named). */
  | { kind: 'correct_decision'; n: number; text: string; affects: string[] | null; /** The day it was taken, as said, when that is what was wrong. */ date?: string }
  /** `during`: "in October", "the last SAS"; `about`: an item the decisions affect — from the decision questions (intents/decisions-question.ts). */
  | { kind: 'decisions'; board: string | null; since: string | null; during?: string | null; about?: string | null }
  | { kind: 'awaiting'; id: string; what: string; board: string | null };

/** Plan settings as typed after `plan create` or `plan set`; the handler checks what they mean. */
export interface PlanSettingsText {
  /** on | off */
  signOff?: string;
  title?: string;
  asOf?: string;
  timeZone?: string;
  holidays?: string;
  /** Slack user ids or mentions, separated by commas or spaces; "none" clears. */
  admins?: string;
  /** A channel id or mention; "none" clears. */
  homeChannel?: string;
  digestChannel?: string;
}

export interface AddFields {
  text: string | null;
  theme: string | null;
  owners: string[];
  delivery: string | null;
  status: Status | null;
}

/** A question about many items: a set of filters, read wherever they stand in the sentence. Every field narrows. */
export interface QueryFilter {
  /** Only items whose delivery window has wholly passed and that are still open. */
  overdue?: boolean;
  /** Only open items (not complete, not "not being implemented"). */
  open?: boolean;
  /** `orOverdue`: "overdue or due this month" — the overdue items too, not only those whose window it is.
   *  Items due in the window a phrase reads as ("this month", "Q1 2018") — `within` —, due before it starts
   *  ("before Christmas"), by its end ("by March"), after it ends ("after Christmas"), or between two phrases. */
  due?: { phrase: string; mode: 'within' | 'before' | 'by' | 'after' | 'between'; until?: string; orOverdue?: true };
  /** An owner name or role as typed ("Karen", "portfolio office"), or 'me' for the asker. */
  owner?: string;
  /** A theme as typed ("ICT", "governance"). */
  theme?: string;
  status?: Status;
  /** "on-going or awaiting decision": items at any of these statuses. */
  statuses?: Status[];
  /** A word that could be a theme, an owner or a status ("show me the ICT actions"): the engine decides. */
  about?: string;
  /** Exclusions: "not owned by the Portfolio Office", "everything except ICT", "not on-going". */
  not?: { owner?: string; theme?: string; status?: Status; about?: string };
  /** "how many …": the number first, then the list. */
  count?: boolean;
  /** The plan as it stood at the end of this day ("at the end of October", "on 1 October"), rebuilt from the trail. */
  asAt?: string;
  /** "… at the end of October compared with now": the same question as at `asAt` and as at today, side by side. */
  compareNow?: boolean;
  /** "what did Karen say last week?", "updates by N. Shackleton", "my updates": updates signed by this person (as typed, or 'me'), newest first. */
  author?: string;
  /** What changed since a day or within a window ("since 4 October", "this week"): the changes, grouped by item. */
  changedSince?: string;
  /** "what changed in January?", "last week", "between 1 and 31 October": the window closes at the end of this phrase. */
  changedUntil?: string;
  /** "waiting on SAS": items awaiting a decision of this board (as typed; the engine finds the board). */
  waitingOn?: string;
  /** "awaiting sign-off", "proposed complete": items whose completion an owner proposed and no admin has answered. */
  proposed?: true;
  /** Items whose delivery date was revised: at least `times` revisions (1 unless "more than once", "twice"). */
  slipped?: { times: number };
  /** Items with no update since a day ("since August") or for a number of days ("for 30 days"). */
  stale?: { since?: string; days?: number };
  /** "what was completed in December?", "what's closed since October?": items whose status became Complete then, from the trail. */
  completed?: { phrase: string; since: boolean };
  /** "who has the most overdue items?", "list the owners", "overdue by theme": a count per owner or per theme, most first. */
  by?: 'owner' | 'theme' | 'plan' | 'priority';
  /** With `by: 'owner'`: only role owners ("which roles own items?") or only people ("list the people"). */
  ownerKind?: 'role' | 'person';
  /** "how are we doing?", "summary for ICT", "what's the RAG for HR?": the counts, not the list. */
  summary?: true;
  /** "which items are red?", "the amber ones": the board paper's RAG rating (default rules) as at the answer's day;
   *  at_risk: "what's at risk?", "what needs attention?" — red or amber. */
  rag?: Rag | 'at_risk';
  /** "which items mention ERP?": words every listed item's own text contains (also an `about` that names no theme or owner). */
  mentions?: string;
  /** "overdue by more than 3 months", "at least a week late", "less than two weeks overdue": how long past the delivery window's end. */
  overdueBy?: { amount: number; unit: 'day' | 'week' | 'month' | 'year'; bound: 'more' | 'at_least' | 'less' };
  /** "which items have no date?", "unowned items", "never updated": items missing a delivery date, an owner, or any update at all. */
  missing?: 'date' | 'owner' | 'updates';
  /** "high priority items", "priority 1", "what low-rated items are open?": items whose priority (as the plan writes it) says this. */
  priority?: string;
  /** "which items have more than one owner?", "jointly owned items": items with two or more owners. */
  sharedOwners?: true;
  /** "status of 4.2.1 and 4.2.2": these items, by number, in plan order. */
  ids?: string[];
  /** "section 4", "list 4.2", "what's under 4.2?": the item numbered so and every item numbered below it (4.2.1, 4.2.1.a…). */
  section?: string;
  /** "the five most overdue", "oldest updates first". */
  /** soonest_due: what is still to come, soonest first; latest_due: the latest delivery dates first (undated last); by_due_date: everything listed, in delivery-date order. */
  order?: 'most_overdue' | 'oldest_update' | 'newest_update' | 'soonest_due' | 'latest_due' | 'by_due_date';
  limit?: number;
}
