import type { PaperRequest } from '../report/paper-request.js';
import type { Counts } from '../report/summary.js';
import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import { isOverdue, titleOf, type Recommendation } from '../plan/recommendation.js';
import type { Status } from '../plan/status.js';
import type { QueryFilter } from './intent.js';
import type { Board } from '../governance/board.js';
import type { Decision } from '../governance/decision.js';
import type { Meeting } from '../governance/meeting.js';
import type { Waiting } from '../governance/waiting.js';

/** An item as replies carry it: enough for a list row, a JSON line or a Block Kit section. */
export interface ItemView {
  /** The plan's key, once there is more than one plan. */
  plan?: string;
  id: string;
  title: string;
  theme: string;
  owners: string[];
  status: Status;
  delivery: Pick<DeliveryWindow, 'text' | 'start' | 'end' | 'precision'>;
  overdue: boolean;
  /** A completion proposed and awaiting sign-off (plans with sign-off on). */
  proposal?: { by: string; at: string; evidence: string | null };
  /** What an item at Awaiting decision waits on, and from which board. */
  waiting?: Waiting;
  /** The priority the plan gives it, as written. */
  priority?: string;
}

/** What the plan's admins are asked about a proposed completion: enough to render the message and name the proposal. */
export interface ProposalNotice {
  plan: string;
  id: string;
  title: string;
  owners: string[];
  by: string;
  byId: string | null;
  /** The proposal's instant: Sign off and Return name it, so a press after a change writes nothing. */
  at: string;
  evidence: string | null;
  /** The plan's own admins (Slack ids); CONCERTO_ADMINS are added by the front end. */
  admins: string[];
}

/** What the bot says back: plain data that every front end renders its own way. */
export interface Reply {
  text: string;
  items: ItemView[];
  /** What the bot waits for next ("update_text", "status", "delivery_date", "confirm_date", "choose_owner", "choose_theme", "choose_plan"), or null. */
  awaiting: string | null;
  /** Answers offered for the awaited question, for buttons or a numbered list. */
  choices?: string[];
  /** The plan the reply is about, once there is more than one plan (grouped answers leave it unset). */
  plan?: string;
  /** True when this turn committed a change to the plan (front ends refresh what shows it). */
  changed?: boolean;
  /** For a question about many items: how it was read (the filters, and the owners, themes and dates they matched). */
  query?: QueryReading;
  /** A summary's counts ("how are we doing?"): by status and RAG, and overdue, for the items the question selected. */
  counts?: Counts;
  /** A count per owner or theme ("who has the most overdue items?"), most first: the answer, as its items are not listed. */
  breakdown?: { by: 'owner' | 'theme' | 'plan' | 'priority'; rows: Array<{ name: string; items: number; overdue: number; open: number }> };
  /** Boards, meetings or decisions the reply lists or recorded (core/ask/handlers/governance.ts), for JSON and Block Kit. */
  governance?: { boards?: Board[]; meetings?: Meeting[]; decisions?: Decision[] };
  /** A completion this turn proposed (plans with sign-off on): front ends ask the plan's admins to sign it off or return it. */
  proposed?: ProposalNotice;
  /** The board paper was asked for, and these are its checked dates: front ends that can send a file send it (Slack DMs it). */
  paper?: { plan: string; words: string; request?: PaperRequest };
  /** Set when the reply is a refusal or an error the person caused. */
  error?: 'not_found' | 'not_permitted' | 'invalid' | 'unreadable_date' | 'not_understood' | 'no_plan' | 'unavailable';
}

/** A question as Concerto read it, so a misreading is visible at once (and testable). */
export interface QueryReading {
  read: QueryFilter;
  /** The filters in words, in the order the reply's reading line gives them. */
  understood: string[];
  owners?: string[];
  themes?: string[];
  status?: Status;
  due?: { before?: IsoDate; from?: IsoDate; to?: IsoDate };
}

export function itemView(rec: Recommendation, today: IsoDate): ItemView {
  // Items from a read model are frozen and shared by every request: their views are made once per day asked about.
  if (!Object.isFrozen(rec)) return makeItemView(rec, today);
  let byDay = VIEWS.get(rec);
  if (!byDay) VIEWS.set(rec, (byDay = new Map()));
  let view = byDay.get(today);
  if (view) return view;
  // "Today" is usually one day; questions as at other days come and go.
  if (byDay.size >= 4) byDay.clear();
  byDay.set(today, (view = Object.freeze(makeItemView(rec, today))));
  return view;
}

const VIEWS = new WeakMap<Recommendation, Map<IsoDate, ItemView>>();

/** A view stamped with its plan's key, as replies carry items once there is more than one plan: made once per shared view. */
export function inPlanView(view: ItemView, plan: string): ItemView {
  if (!Object.isFrozen(view)) return { ...view, plan };
  let stamped = STAMPED.get(view);
  if (stamped?.plan !== plan) STAMPED.set(view, (stamped = Object.freeze({ ...view, plan })));
  return stamped;
}

const STAMPED = new WeakMap<ItemView, ItemView>();

function makeItemView(rec: Recommendation, today: IsoDate): ItemView {
  const { text, start, end, precision } = rec.delivery;
  return {
    id: rec.id,
    title: titleOf(rec.text),
    theme: rec.theme,
    owners: rec.owners,
    status: rec.status,
    delivery: { text, start, end, precision },
    overdue: isOverdue(rec, today),
    ...(rec.priority ? { priority: rec.priority } : {}),
    ...(rec.proposal ? { proposal: { by: rec.proposal.by, at: rec.proposal.at, evidence: rec.proposal.evidence } } : {}),
    ...(rec.waiting && rec.status === 'awaiting_decision' ? { waiting: { what: rec.waiting.what, board: rec.waiting.board } } : {}),
  };
}

export const say = (text: string, extra: Partial<Reply> = {}): Reply => ({ text, items: [], awaiting: null, ...extra });
