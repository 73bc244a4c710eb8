import type { DateReference } from '../../dates/delivery-window.js';
import { readDelivery } from '../../dates/read-delivery.js';
import { STATUS_LABELS, type Status } from '../status.js';
import { isOnlyStatusWord, statusAtStartOfUpdate, statusOfCell } from './status-words.js';
import { leadingDate } from './update-dates.js';
import type { CellUpdate } from './updates-cell.js';

export interface RowStatus {
  status: Status;
  delivery: string;
  /** Said when the status had to be assumed. */
  note: string | null;
}

/** Line breaks in a date cell are the cell's width, not the date's: "September\n2017" is "September 2017". */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Boards write a finished item's status in its date column: "Completed" alone (4.1.4 in the seed) or
 * under the date ("June 2017\nComplete", 3.4). The word is read as the status and taken out of the date;
 * a lone word the date reader reads as "no date" (Completed) stays as written, as the board paper shows it.
 */
function splitDelivery(written: string, ref: DateReference): { delivery: string; status: Status | null } {
  const cell = withoutPaperNotes(written);
  const lines = cell.split('\n').map((l) => l.trim()).filter(Boolean);
  const words = lines.map((l) => isOnlyStatusWord(l));
  const status = words.find((w): w is Status => w !== null) ?? null;
  if (!status) return { delivery: oneLine(cell), status: null };
  const dates = lines.filter((_, i) => words[i] === null);
  if (dates.length) return { delivery: oneLine(dates.join(' ')), status };
  const whole = oneLine(cell);
  return { delivery: readDelivery(whole, ref).ok ? whole : '', status };
}

/**
 * Concerto's own board paper prints, under an item's date, "Baseline: …" when it was re-dated and
 * "Overdue: was due by dd/mm/yyyy" when it is late: notes of the paper, not the date as written.
 */
function withoutPaperNotes(cell: string): string {
  return cell.replace(OVERDUE_NOTE, '').replace(/\s*\bBaseline:\s[\s\S]*$/, '');
}

const OVERDUE_NOTE = /\s*\bOverdue:\s+was\s+due\s+by\s+\d{2}\/\d{2}\/\d{4}\s*$/;

/** The first date the paper's "Baseline: …" note gives ("" for "(no delivery date given)"), or undefined when there is none. */
export function paperBaseline(cell: string): string | undefined {
  const m = /\bBaseline:\s*([\s\S]*)$/.exec(cell.replace(OVERDUE_NOTE, ''));
  if (!m) return undefined;
  const first = m[1]!.replace(/\s+/g, ' ').trim();
  return /^\(no delivery date given\)$/i.test(first) ? '' : first;
}

/** The words of the latest update after its date: "14.06.17 COMPLETE – …" opens with "COMPLETE". */
function latestOpening(updates: CellUpdate[]): string {
  const latest = updates.at(-1)?.text ?? '';
  const date = leadingDate(latest);
  return latest.slice(date?.length ?? 0).replace(/^[\s:,\u2013\u2014-]+/, '');
}

/**
 * Status, in order of authority: the status column; a status word in the date column; the status the
 * latest update opens with ("Completed – …", "Awaits agreement…"); otherwise on-going, the state of an open item.
 */
export function statusOfRow(
  cells: { status: string | undefined; delivery: string },
  updates: CellUpdate[],
  ref: DateReference,
  where: string,
): RowStatus {
  const { delivery, status: fromDate } = splitDelivery(cells.delivery, ref);
  const written = cells.status?.trim() ?? '';
  if (written) {
    const status = statusOfCell(written);
    if (status) return { status, delivery, note: null };
    return { status: 'on_going', delivery, note: `${where}: status "${oneLine(written)}" is not a status Concerto knows; read as ${STATUS_LABELS.on_going}` };
  }
  if (fromDate) return { status: fromDate, delivery, note: null };
  return { status: statusAtStartOfUpdate(latestOpening(updates)) ?? 'on_going', delivery, note: null };
}
