import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import { DEFAULT_RAG_RULES, rateRag, ragKey, type Rag, type RagRating, type RagRules } from '../plan/rag.js';
import { isOverdue, type Recommendation, type UpdateEntry } from '../plan/recommendation.js';
import type { Status } from '../plan/status.js';
import { planAsAt } from './as-at.js';
import { changesSince, type PlanChanges } from './changes.js';
import type { PlanHistory } from './history.js';
import { summarise, type PaperSummary } from './summary.js';
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
}

export interface PaperOptions {
  asAt: IsoDate;
  producedOn: IsoDate;
  since?: IsoDate | null;
  rules?: RagRules;
}

export function buildBoardPaper(history: PlanHistory, options: PaperOptions): BoardPaper {
  const { plan } = history;
  const rules = options.rules ?? DEFAULT_RAG_RULES;
  const recs = planAsAt(history.recommendations, history.events, plan.asOf, options.asAt, plan.timeZone);
  const since = options.since ?? null;
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
