import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import { DEFAULT_RAG_RULES, rateRag, ragKey, type Rag, type RagRating, type RagRules } from '../plan/rag.js';
import { isOverdue, type Recommendation, type UpdateEntry } from '../plan/recommendation.js';
import type { Status } from '../plan/status.js';
import { planAsAt } from './as-at.js';
import { importDayReader } from './effective.js';
import { decisionKnownAt, paperDecisions, waitingGroups, type PaperDecision, type WaitingGroup } from './governance-sections.js';
import { changesSince, type PlanChanges } from './changes.js';
import type { PlanHistory } from './history.js';
import { summarise, type PaperSummary } from './summary.js';
import { paperProposals, type PaperProposal } from './proposals-section.js';
import { planTrends, type PaperTrends } from './trends.js';

/** One row of the paper: the seed's columns (number, owners, updates, delivery date as written) and Concerto's. */
export interface PaperRow {
  id: string;
  text: string;
  owners: string[];
  updates: UpdateEntry[];
  /** The delivery date as written then. */
  delivery: string;
  window: DeliveryWindow;
  /** The delivery date as first written, only when it differs from `delivery` ("" when none was given). */
  baseline: string | null;
  status: Status;
  rag: RagRating;
  overdue: boolean;
  /** The priority the plan gives it, as written, when it gives one. */
  priority?: string;
}

export interface ThemeGroup {
  theme: string;
  rows: PaperRow[];
}

export interface BoardPaper {
  title: string;
  timeZone: string;
  /** The plan's own date: the day its delivery phrases were read as of. */
  planAsOf: IsoDate;
  asAt: IsoDate;
  producedOn: IsoDate;
  ragKey: Record<Rag, string>;
  groups: ThemeGroup[];
  summary: PaperSummary;
  /** Counts week by week from the plan's own date to `asAt`, rebuilt from the audit trail: what the charts draw. */
  trends: PaperTrends;
  /** Present when the paper was asked for "changed since" a date. */
  changes: PlanChanges | null;
  /** The plan as it stood at `asAt`, in plan order: what the JSON export writes. */
  recommendations: Recommendation[];
  /** Set when the paper is the one for a board's meeting (`export --meeting "SAS 2017-10-12"`). */
  meeting: PaperMeeting | null;
  /** The decision log covers decisions taken after the end of this day (null: all up to `asAt`). */
  decisionsAfter: IsoDate | null;
  /** The decision log: standing decisions taken in the period and on record by the end of `asAt`. */
  decisions: PaperDecision[];
  /** Items at Awaiting decision as at `asAt`, grouped by the board that must decide. */
  waiting: WaitingGroup[];
  /**
   * Whether the paper has board business in it (it is a meeting's paper, a decision was on record by
   * `asAt`, or an item then said what it waits on): the JSON paper carries its `decisions` and `waiting`
   * sections only then, so a plan with none exports exactly the import format it always did.
   */
  governanceRecorded: boolean;
  /** Completions proposed and not yet signed off or returned as at `asAt` (plans with sign-off on); listed apart. */
  proposals: PaperProposal[];
}

export interface PaperMeeting {
  board: string;
  date: IsoDate;
  papersBy: IsoDate;
  /** The board's meeting before this one, whose day the paper's changes and decisions run from. */
  previous: IsoDate | null;
}

export interface PaperOptions {
  asAt: IsoDate;
  producedOn: IsoDate;
  since?: IsoDate | null;
  rules?: RagRules;
  /** The paper for this meeting: its decision log is the meeting's board's alone. */
  meeting?: PaperMeeting | null;
  /** Decisions taken after the end of this day go in the log; defaults to `since` (null: all up to `asAt`). */
  decisionsAfter?: IsoDate | null;
}

export function buildBoardPaper(history: PlanHistory, options: PaperOptions): BoardPaper {
  const { plan } = history;
  const rules = options.rules ?? DEFAULT_RAG_RULES;
  const recs = planAsAt(history.recommendations, history.events, plan.asOf, options.asAt, plan.timeZone);
  const since = options.since ?? null;
  const meeting = options.meeting ?? null;
  const decisionsAfter = options.decisionsAfter !== undefined ? options.decisionsAfter : since;
  const order = recs.map((r) => r.id);
  const importDays = importDayReader(history.events, plan.asOf);
  const decisions = paperDecisions(history.decisions ?? [], { asAt: options.asAt, after: decisionsAfter, timeZone: plan.timeZone, board: meeting?.board ?? null, order, importDays });
  const governanceRecorded = meeting !== null || recs.some((r) => r.waiting) || (history.decisions ?? []).some((d) => decisionKnownAt(d, options.asAt, plan.timeZone, importDays));
  return {
    title: plan.title,
    timeZone: plan.timeZone,
    planAsOf: plan.asOf,
    asAt: options.asAt,
    producedOn: options.producedOn,
    ragKey: ragKey(rules),
    groups: groupByTheme(recs.map((r) => rowOf(r, options.asAt, rules))),
    summary: summarise(recs, options.asAt, rules),
    trends: planTrends(history, options.asAt),
    changes: since === null ? null : changesSince(history.events, history.recommendations, since, options.asAt, { planAsOf: plan.asOf, timeZone: plan.timeZone }),
    recommendations: recs,
    meeting,
    decisionsAfter,
    decisions,
    waiting: waitingGroups(recs, meeting?.board ?? null),
    governanceRecorded,
    proposals: paperProposals(recs, plan.timeZone),
  };
}

function rowOf(r: Recommendation, asAt: IsoDate, rules: RagRules): PaperRow & { theme: string } {
  return {
    id: r.id,
    theme: r.theme,
    text: r.text,
    owners: r.owners,
    updates: r.updates,
    delivery: r.delivery.text,
    window: r.delivery,
    baseline: r.revisions > 0 && r.baseline.text !== r.delivery.text ? r.baseline.text : null,
    status: r.status,
    rag: rateRag(r, asAt, rules),
    overdue: isOverdue(r, asAt),
    ...(r.priority ? { priority: r.priority } : {}),
  };
}

/** Themes in the order they first appear in the plan; items keep plan order within each. */
function groupByTheme(rows: Array<PaperRow & { theme: string }>): ThemeGroup[] {
  const groups = new Map<string, PaperRow[]>();
  for (const { theme, ...row } of rows) {
    const list = groups.get(theme);
    if (list) list.push(row);
    else groups.set(theme, [row]);
  }
  return [...groups].map(([theme, list]) => ({ theme, rows: list }));
}

/** Whether the plan ranks its items: only then do the papers give a Priority column, so other papers keep their columns. */
export function ranksItems(paper: Pick<BoardPaper, 'groups'>): boolean {
  return paper.groups.some((g) => g.rows.some((r) => r.priority));
}
