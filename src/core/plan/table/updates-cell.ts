import { closingSignature, leadingDate } from './update-dates.js';

export interface CellUpdate {
  date: string;
  author: string | null;
  text: string;
  evidence: string | null;
}

interface Entry {
  date: string | null;
  author: string | null;
  text: string;
  /** A dated opening ("14.06.17 …") takes the undated paragraphs after it; a signed entry is already closed. */
  open: boolean;
}

const EVIDENCE = /\n\s*Evidence:\s*(.+)\s*$/i;

/**
 * A date alone on a line after an unfinished sentence closes that sentence ("… N. Shackleton" + "20.07.17",
 * "… from" + "June 2017": a cell's width wrapped it); it opens no entry.
 */
function opensEntry(line: string, before: string): boolean {
  const date = leadingDate(line);
  if (!date) return false;
  return line.trim().length > date.length || /[.!?:;]$/.test(before.trimEnd());
}

/**
 * Entries run on in one line: "12/01/2019 - first review held; 20/02/2019 - second review scheduled". A sentence's
 * end followed by a date and a dash or colon starts the next entry; a date inside a sentence ("held on 20/02/2019")
 * does not.
 */
const RUN_ON_ENTRY = /(?<=[.;])\s+(?=\d{1,2}(?:[/.-]\d{1,2}[/.-]\d{2,4}|\s+[A-Z][a-z]{2,8}\s+\d{4})\s*[-–—:])/;

/** A line's run-on entries; the semicolon that separated two is no part of the first. */
const runOnEntries = (line: string): string[] => line.split(RUN_ON_ENTRY).map((piece, i, all) => (i < all.length - 1 ? piece.replace(/\s*;$/, '') : piece));

/** Paragraphs (blank-line separated), each cut again where a line opens with a date. */
function chunks(cell: string): string[] {
  return cell
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .flatMap((para) => {
      const out: string[] = [];
      for (const line of para.split('\n').flatMap(runOnEntries)) {
        const last = out.length - 1;
        if (last >= 0 && !opensEntry(line, out[last]!)) out[last] = `${out[last]}\n${line}`;
        else out.push(line);
      }
      return out;
    })
    .map((c) => c.trim())
    .filter(Boolean);
}

function entries(cell: string): Entry[] {
  const out: Entry[] = [];
  for (const chunk of chunks(cell)) {
    const lead = leadingDate(chunk);
    if (lead) {
      out.push({ date: lead.date, author: lead.author ?? closingSignature(chunk)?.author ?? null, text: chunk.slice(lead.strip).trim(), open: true });
      continue;
    }
    const signed = closingSignature(chunk);
    if (signed) {
      out.push({ date: signed.date, author: signed.author, text: chunk, open: false });
      continue;
    }
    const last = out.at(-1);
    if (last && (last.open || last.date === null)) last.text = `${last.text}\n\n${chunk}`;
    else out.push({ date: null, author: null, text: chunk, open: false });
  }
  return out;
}

/**
 * An update cell as the separate dated entries it holds, oldest first. Text before the first dated entry,
 * or a cell with no date at all, is dated the plan's date (its own date is unknown) and kept first, where
 * the board wrote it, so the latest entry stays the latest. Authors come only from what is written
 * (Concerto's "[date · name]" header or a closing signature), never guessed.
 */
export function updatesOfCell(cell: string, asOf: string): CellUpdate[] {
  const all = entries(cell);
  const firstDated = all.findIndex((e) => e.date !== null);
  const preamble = firstDated < 0 ? all : all.slice(0, firstDated);
  const rest = firstDated < 0 ? [] : all.slice(firstDated);
  const sorted = rest
    .map((e, i) => ({ e, i, date: e.date ?? asOf }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
    .map(({ e, date }) => ({ ...e, date }));
  return [...preamble.map((e) => ({ ...e, date: asOf })), ...sorted]
    .map((e) => {
      const evidence = EVIDENCE.exec(e.text);
      const text = evidence ? e.text.slice(0, evidence.index).trim() : e.text;
      return { date: e.date, author: e.author, text, evidence: evidence?.[1]?.trim() ?? null };
    })
    .filter((u) => u.text);
}
