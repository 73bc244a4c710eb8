import { pdfLines, splitColumns, type ColumnText, type PdfLine, type PdfRun } from './pdf-lines.js';
import { finishRows, plainCell, wrappedCell, type GridRow, type TablesReading } from './source-rows.js';
import { leadingDate } from '../../core/plan/table/update-dates.js';
import { canonicalId, isRecommendationId } from '../../core/plan/recommendation-id.js';

/** Words plan tables head their columns with; a line made of three or more such headings is the header. */
const HEADING_WORDS = new Set(
  ('recommendation recommendations rec no number ref reference id # action actions description finding findings issue ' +
    'owner owners lead officer officers responsible accountable manager update updates progress commentary comment comments ' +
    'latest position delivery target date dates due deadline timescale timescales by when status rag theme workstream area ' +
    'section priority baseline revised original completion evidence outcome risk').split(' '),
);
/** A recommendation number opening the first column starts a row: "1.1", "4.0.2:", "9.2.1", "1a", "3(b)", "IA-01". */
const ANCHOR = /^(?:[A-Z]{1,4}-?)?\d{1,3}((?:\.\d{1,3}){0,4})(?:[a-z]|\([a-z]\))?(?![\w-])/;
/** Baseline to baseline, wrapped lines of one cell sit about 1.2 font sizes apart; cell padding makes rows further apart. */
const ROW_GAP = 1.4;
/** Baseline to baseline within one cell, past which an empty line stood between two of its lines. */
const BLANK_LINE_GAP = 1.9;

/**
 * The table in a PDF, from where its text sits: columns from the header's headings, rows from the lines
 * whose first column opens with a recommendation number, each following line added to the row above it
 * column by column. Page furniture (running heads, page numbers) and the header repeated on later pages
 * are left out; a line alone between rows, such as "Governance", is a one-cell (section) row.
 */
export async function pdfTables(buffer: Buffer, fileName: string): Promise<TablesReading> {
  const text = await pdfLines(buffer, fileName);
  if ('error' in text) return text;
  if (text.lines.length === 0) return { error: `${fileName} has no text to read (it may be a scanned image); export the table from the original document instead.` };
  const furniture = furnitureOf(text.lines, text.pageHeights);
  const lines = text.lines.filter((l) => !furniture.has(l));
  const at = lines.findIndex(isHeaderLine);
  if (at < 0) return { error: `${fileName} has no table Concerto can find: no line in it reads like a table's header (such as Recommendation, Owner, Update, Delivery Date, Status).` };
  const block = headerBlock(lines, at);
  const columns = columnsOf(block);
  const repeated = repeatedHeaders(lines, lines[at]!.page);
  const end = lines.indexOf(block.at(-1)!);
  const body = lines.filter((l, i) => i > end && l.y > (repeated.get(l.page) ?? -Infinity));
  const boundaries = boundariesOf(columns, body);
  const header: GridRow = { number: block[0]!.number, cells: columns.map((c) => plainCell(c.texts.join('\n'))) };
  const title = lines.indexOf(block[0]!) > 0 ? lines[0]!.runs.map((r) => r.text).join(' ') : null;
  return { tables: [{ name: "the PDF's table", rows: finishRows([header, ...rowsOf(body, boundaries)]), linesWrap: true }], title, warnings: [] };
}

function headingLike(run: PdfRun, strictly = false): boolean {
  const words = run.text.toLowerCase().split(/[^a-z#]+/).filter(Boolean);
  const known = words.filter((w) => HEADING_WORDS.has(w)).length;
  return words.length > 0 && words.length <= 5 && (strictly ? known === words.length : known * 2 >= words.length);
}

function isHeaderLine(line: PdfLine): boolean {
  const headings = line.runs.filter((r) => headingLike(r)).length;
  return headings >= 3 && headings >= 0.75 * line.runs.length;
}

/** Headings that wrap ("Delivery" over "Date") put lines of headings just above or below the header line. */
function headerBlock(lines: readonly PdfLine[], at: number): PdfLine[] {
  const near = (a: PdfLine | undefined, b: PdfLine) => !!a && a.page === b.page && Math.abs(a.y - b.y) <= 1.6 * b.size && a.runs.every((r) => headingLike(r, true));
  let from = at;
  let to = at;
  while (near(lines[from - 1], lines[from]!)) from--;
  while (near(lines[to + 1], lines[to]!)) to++;
  return lines.slice(from, to + 1);
}

/** Per later page that repeats the header: the bottom of its header block, above which nothing is the table's. */
function repeatedHeaders(lines: readonly PdfLine[], headerPage: number): Map<number, number> {
  const bottoms = new Map<number, number>();
  lines.forEach((line, i) => {
    if (line.page > headerPage && !bottoms.has(line.page) && isHeaderLine(line)) bottoms.set(line.page, headerBlock(lines, i).at(-1)!.y);
  });
  return bottoms;
}

interface Column {
  start: number;
  end: number;
  texts: string[];
}

/** Headings that overlap across the header's lines head one column. */
function columnsOf(block: readonly PdfLine[]): Column[] {
  const columns: Column[] = [];
  for (const run of block.flatMap((l) => l.runs).sort((a, b) => a.x - b.x)) {
    const last = columns.at(-1);
    if (last && run.x < last.end) {
      last.end = Math.max(last.end, run.right);
      last.texts.push(run.text);
    } else columns.push({ start: run.x, end: run.right, texts: [run.text] });
  }
  return columns;
}

/**
 * Where each column starts. Text in a column lines up on its left edge, which is where a left-aligned
 * heading starts but left of a centred one. So the edge is the rightmost x, between the previous heading's
 * end and this heading's start, at which three or more lines start (further left, lined-up starts are the
 * previous column's hanging indents); failing that, the heading's own start.
 */
function boundariesOf(columns: readonly Column[], body: readonly PdfLine[]): number[] {
  const starts = body.flatMap((l) => l.runs.map((r) => r.x)).sort((a, b) => a - b);
  return columns.slice(1).map((column, i) => {
    const inGap = starts.filter((x) => x > columns[i]!.end && x <= column.start + 0.5);
    // Sorted, so three starts within 1.5 pt of each other are three neighbours in the list.
    for (let k = inGap.length - 1; k >= 2; k--) if (inGap[k]! - inGap[k - 2]! <= 1.5) return inGap[k - 2]! - 1;
    return column.start - 1;
  });
}

function rowsOf(body: readonly PdfLine[], boundaries: readonly number[]): GridRow[] {
  const placed = body.map((line) => splitColumns(line, boundaries));
  const cellsOf = placed.map((columns) => columns.map((c) => c.text));
  const widths = wrapWidths(placed, boundaries, body);
  const gapAbove = (i: number) => (i > 0 && body[i - 1]!.page === body[i]!.page ? body[i]!.y - body[i - 1]!.y : Infinity);
  const anchors = body.map((line, i) => {
    const first = cellsOf[i]![0]!;
    const m = ANCHOR.exec(first);
    // Letters that name a period ("Q1 2018", "FY18") wrapped onto a new line are text.
    if (!m || !isRecommendationId(canonicalId(m[0]))) return false;
    // "30 days …" wrapped onto a new line is text, not row 30: a bare number followed by words starts a row only after a row's gap.
    return !!m[1] || /[A-Za-z]/.test(m[0]) || !/^\s+\p{L}/u.test(first.slice(m[0].length)) || gapAbove(i) > ROW_GAP * line.size;
  });
  if (!anchors.some(Boolean)) return body.map((line, i) => ({ number: line.number, cells: cellsOf[i]!.map((t) => plainCell(t)) }));

  // A heading row is one merged cell: its text starts where the first column's does, or sits centred on the table.
  const left = body.map((l) => l.runs[0]?.x ?? Infinity).reduce((a, b) => Math.min(a, b), Infinity);
  const right = body.flatMap((l) => l.runs.map((r) => r.right)).reduce((a, b) => Math.max(a, b), -Infinity);
  const heading = (run: PdfRun) => run.x < (boundaries[0] ?? Infinity) || Math.abs((run.x + run.right) / 2 - (left + right) / 2) < 0.05 * (right - left);
  const crosses = (run: PdfRun) => boundaries.some((b) => run.x < b - 1 && run.right > b + 1);
  const isSection = (line: PdfLine, i: number) =>
    line.runs.length === 1 && heading(line.runs[0]!) && (crosses(line.runs[0]!) || (gapAbove(i) > ROW_GAP * line.size && anchors[i + 1] === true));
  interface Row {
    number: number;
    cells: string[];
    /** The same cells with each line that only wrapped joined to the one before. */
    flowed: string[];
    last: Array<{ page: number; y: number; right: number; text: string } | undefined>;
  }
  const rows: Row[] = [];
  let current: Row | null = null;
  const start = (line: PdfLine, columns: ColumnText[]): Row => ({
    number: line.number,
    cells: columns.map((c) => c.text),
    flowed: columns.map((c) => c.text),
    last: columns.map((c) => (c.text ? { page: line.page, y: line.y, right: c.right, text: c.text } : undefined)),
  });
  body.forEach((line, i) => {
    const columns = placed[i]!;
    if (anchors[i]) rows.push((current = start(line, columns)));
    else if (isSection(line, i)) {
      rows.push({ number: line.number, cells: [line.runs[0]!.text], flowed: [line.runs[0]!.text], last: [] });
      current = null;
    } else if (!current) rows.push((current = start(line, columns)));
    else
      for (const [c, column] of columns.entries()) {
        const t = column.text;
        if (!t) continue;
        const last = current.last[c];
        // Wrapped lines of a paragraph sit about 1.2 font sizes apart; an empty paragraph between two leaves a wider gap.
        const gap = last && last.page === line.page && line.y - last.y > BLANK_LINE_GAP * line.size;
        const separator = gap ? '\n\n' : !last ? '' : wraps(last, column, widths[c]!, line.size) ? (/\p{L}[-/]$/u.test(last.text) ? '' : ' ') : '\n';
        current.cells[c] = current.cells[c] ? `${current.cells[c]}${gap ? '\n\n' : '\n'}${t}` : t;
        current.flowed[c] = current.flowed[c] ? `${current.flowed[c]}${separator}${t}` : t;
        current.last[c] = { page: line.page, y: line.y, right: column.right, text: t };
      }
  });
  return rows.map((r) => ({ number: r.number, cells: r.cells.map((t, c) => wrappedCell(t, r.flowed[c] ?? t)) }));
}

/**
 * How far each column's text may run before it wraps: to about a font size short of where the next column's text
 * starts (the two cells' padding), or as far as its longer lines do reach if that is further. Not its longest line,
 * so one line that strays over its edge (a long address) does not make every other line look short.
 */
function wrapWidths(placed: readonly ColumnText[][], boundaries: readonly number[], body: readonly PdfLine[]): number[] {
  const sizes = body.map((l) => l.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 10;
  return Array.from({ length: boundaries.length + 1 }, (_, c) => {
    const rights = placed.map((columns) => columns[c]?.right ?? -Infinity).filter(Number.isFinite).sort((a, b) => a - b);
    const reached = rights[Math.floor(0.9 * (rights.length - 1))] ?? -Infinity;
    const next = boundaries[c];
    return Math.max(reached, next === undefined ? -Infinity : next + 1 - 1.2 * size);
  });
}

/** A line that opens a list item, a dated entry or a labelled line ("Evidence: …") was begun on its own line by the writer. */
const LIST_ITEM = /^(?:[•◦▪▫‣∙·●○■□➢➤►\-–—*]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)/;
const LABELLED = /^[A-Z][A-Za-z]*(?: [a-z]+)?:\s/;

/**
 * Whether a line in a cell goes on from the line above as one paragraph, the column's width having cut it:
 * its first word would not have fitted after the line above. A line after a short one, or one that opens a
 * list item or a label, or a date after a finished sentence, or any line after one ending in a colon, starts afresh.
 */
function wraps(above: { right: number; text: string }, line: ColumnText, width: number, size: number): boolean {
  const dated = leadingDate(line.text);
  if (/:$/.test(above.text) || LIST_ITEM.test(line.text) || LABELLED.test(line.text) || (dated && /[.!?;)]$/.test(above.text))) return false;
  // The first word's width is estimated, and the column's edge is where its longer lines end: only clear room is a break.
  return above.right + 0.25 * size + line.firstWordWidth > width - 0.75 * size;
}

/**
 * Running heads and footers: lines in the top or bottom tenth of a page whose text, numbers aside, comes
 * back at the same height on another page.
 */
function furnitureOf(lines: readonly PdfLine[], heights: readonly number[]): Set<PdfLine> {
  const key = (l: PdfLine) => l.runs.map((r) => r.text).join(' ').replace(/\d+/g, '#');
  const edge = lines.filter((l) => {
    const h = heights[l.page - 1] ?? 842;
    return l.y < 0.1 * h || l.y > 0.9 * h;
  });
  // A page number is furniture even on a one-page document, where nothing repeats it.
  const pageNumber = (l: PdfLine) => PAGE_NUMBER.test(l.runs.map((r) => r.text).join(' ').trim());
  return new Set(edge.filter((l) => pageNumber(l) || edge.some((o) => o.page !== l.page && Math.abs(o.y - l.y) <= 3 && key(o) === key(l))));
}

/** "Page 1", "Page 2 of 7", "3 / 7", "- 4 -": a line that is only a page's number. */
const PAGE_NUMBER = /^(?:page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|[-\u2013]\s*\d{1,4}\s*[-\u2013])$/i;
