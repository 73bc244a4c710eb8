import { parse } from 'csv-parse/sync';
import type { PlanFile } from '../core/plan/plan-file.js';
import { parseStatus } from '../core/plan/status.js';
import { writeCsv } from './csv-write.js';

/**
 * The plan as a spreadsheet: one row per recommendation, in the board paper's own columns.
 * A cell holds several owners one per line, and the update log as entries separated by a blank
 * line, each starting "[YYYY-MM-DD · Author]" so the log reads naturally and parses back exactly.
 */
export const CSV_COLUMNS = ['Recommendation No', 'Theme', 'Recommendation', 'Owner', 'Update', 'Delivery Date', 'Status', 'Baseline Delivery Date'] as const;

/** Plan-level fields (title, as-of date, timezone) ride in a row whose id is "#plan", so a CSV round-trips on its own. */
const META_ID = '#plan';

const ENTRY_START = /(?:^|\n\n)\[(\d{4}-\d{2}-\d{2})(?: · ([^\]\n]*))?\] /g;
const EVIDENCE = /\nEvidence: (.+)$/;

export function planToCsv(plan: PlanFile): string {
  // A Priority column only for a plan that gives priorities: other plans' files stay as they were.
  const priorities = plan.recommendations.some((r) => r.priority);
  const rows: string[][] = [[...CSV_COLUMNS, ...(priorities ? ['Priority'] : [])], [META_ID, plan.title, plan.asOf, plan.timeZone, '', '', '', '', ...(priorities ? [''] : [])]];
  for (const r of plan.recommendations) {
    const updates = r.updates.map((u) => `[${u.date}${u.author ? ` · ${u.author}` : ''}] ${u.text}${u.evidence ? `\nEvidence: ${u.evidence}` : ''}`);
    rows.push([r.id, r.theme, r.text, r.owners.join('\n'), updates.join('\n\n'), r.delivery, r.status, r.baseline ?? '', ...(priorities ? [r.priority ?? ''] : [])]);
  }
  return writeCsv(rows);
}

export interface CsvProblem {
  row: number;
  message: string;
}

/** Parses the CSV into the JSON shape; zod validates it afterwards like any other file. */
export function csvToPlan(csv: string, fallback: { title: string; asOf: string }): { plan: unknown } | { problems: CsvProblem[] } {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    return { problems: [{ row: 0, message: `not readable as CSV: ${(err as Error).message}` }] };
  }
  const [header, ...body] = records;
  const index = new Map((header ?? []).map((h, i) => [h.trim().toLowerCase(), i]));
  const col = (name: string, ...aliases: string[]) => [name, ...aliases].map((n) => index.get(n.toLowerCase())).find((i) => i !== undefined);
  const c = {
    id: col('Recommendation No', 'id'),
    theme: col('Theme', 'theme'),
    text: col('Recommendation', 'text'),
    owners: col('Owner', 'owners'),
    updates: col('Update', 'updates'),
    delivery: col('Delivery Date', 'delivery'),
    status: col('Status', 'status'),
    baseline: col('Baseline Delivery Date', 'baseline'),
    priority: col('Priority', 'priority'),
  };
  const missing = (['id', 'theme', 'text', 'status'] as const).filter((k) => c[k] === undefined);
  if (missing.length) {
    return { problems: [{ row: 1, message: `the header row needs the columns ${CSV_COLUMNS.join(', ')} (missing: ${missing.join(', ')})` }] };
  }
  const get = (row: string[], i: number | undefined) => (i === undefined ? '' : (row[i] ?? ''));
  let title = fallback.title;
  let asOf = fallback.asOf;
  let timeZone: string | undefined;
  const recommendations = [];
  for (const row of body) {
    if (row[0]?.trim() === META_ID) {
      [title = fallback.title, asOf = fallback.asOf, timeZone] = row.slice(1, 4);
      continue;
    }
    recommendations.push({
      id: get(row, c.id),
      theme: get(row, c.theme),
      text: get(row, c.text),
      owners: get(row, c.owners)
        .split(/\n|;/)
        .map((o) => o.trim())
        .filter(Boolean),
      // Spreadsheet users type labels ("On-going", "Complete"); codes pass through unchanged.
      status: parseStatus(get(row, c.status)) ?? get(row, c.status).trim(),
      delivery: get(row, c.delivery),
      baseline: get(row, c.baseline) || null,
      priority: get(row, c.priority).trim() || null,
      updates: parseUpdates(get(row, c.updates)),
    });
  }
  return { plan: { title, asOf, ...(timeZone ? { timeZone } : {}), recommendations } };
}

function parseUpdates(cell: string): Array<{ date: string; author: string | null; text: string; evidence: string | null }> {
  const trimmed = cell.replace(/\r\n?/g, '\n').trim();
  if (!trimmed) return [];
  const starts = [...trimmed.matchAll(ENTRY_START)];
  if (!starts.length || starts[0]!.index !== 0) {
    // A plain cell with no "[date]" stamps: one update; the missing date makes validation name the row.
    return [{ date: '', author: null, text: trimmed, evidence: null }];
  }
  return starts.map((m, i) => {
    const bodyStart = m.index! + m[0].length;
    const bodyEnd = i + 1 < starts.length ? starts[i + 1]!.index! : trimmed.length;
    let text = trimmed.slice(bodyStart, bodyEnd);
    const evidence = text.match(EVIDENCE)?.[1] ?? null;
    if (evidence) text = text.replace(EVIDENCE, '');
    return { date: m[1]!, author: m[2]?.trim() || null, text, evidence };
  });
}
