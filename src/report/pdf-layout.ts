/**
 * A small page-layout engine over PDFKit for the board paper. It measures with the document's own fonts
 * and line breaking, and hands each page to a sink as soon as it is full, so the same layout can run
 * twice: once to count the pages ("Page n of N" is on page 1), once to draw them, never holding more
 * than a page of drawing and the measurements.
 *
 * Tables repeat their header row on every page, keep each row whole when it fits on a page, and split
 * a row taller than a page between pages, paragraph by paragraph and, inside a paragraph, at a word
 * (or, for one enormous word, a character), so any text renders and the layout always moves on.
 */

export type FontName = 'regular' | 'bold' | 'italic';

export interface Para {
  text: string;
  font?: FontName;
  size?: number;
  colour?: string;
  align?: 'left' | 'right' | 'center';
  /** A bold label hanging to the left of the text, e.g. an update's date: `width` is the label column. */
  label?: { text: string; width: number };
  /** Drawn as a coloured chip (a RAG rating): one short line on a filled box. */
  chip?: { fill: string; colour: string; stroke?: string };
  /** Space above, in points. */
  gap?: number;
}

export interface Cell {
  paras: Para[];
  fill?: string;
}

export interface Row {
  cells: Cell[];
  /** One cell across every column (a theme heading), kept with the row after it. */
  band?: boolean;
  /** Put at the top of each later part when the row is split between pages, e.g. "4.2.1 (continued)". */
  continued?: string;
}

export interface TableSpec {
  widths: number[];
  head: Cell[];
  rows: Iterable<Row>;
  /** Fills and text colour of the header row. */
  headFill?: string;
  border?: string;
  padding?: number;
}

export type Op =
  /** `font` is a registered font name, chosen for the text (see pdf-fonts.ts). */
  | { k: 'text'; x: number; y: number; w: number; text: string; font: string; size: number; colour: string; align: 'left' | 'right' | 'center' }
  | { k: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string }
  | { k: 'svg'; x: number; y: number; w: number; h: number; svg: string };

export interface Box {
  left: number;
  top: number;
  width: number;
  bottom: number;
}

const LINE_GAP = 1;
const DEFAULT_SIZE = 8;

/** Where laid-out pages go: drawn into the document, or (when only counting pages) nowhere. */
export interface Sink {
  /** Page `index` (0-based) starts. */
  page(index: number): void;
  draw(op: Op): void;
}

/**
 * Heights of texts already measured, by font, size and width (and one-line widths, by font and size),
 * then by text: the paper is laid out twice (to count its pages, then to draw them), and the second time
 * costs no measuring. The keys are the paper's own strings, so this holds references, not copies.
 */
export type Measures = Map<string, Map<string, number>>;

export interface Column {
  left: number;
  width: number;
  fn: () => void;
}

export class Layout {
  page = 0;
  y: number;
  left: number;
  width: number;
  /** Rows drawn again at the top of each new page while a table is being laid out (its header, the current theme). */
  private repeat: Array<() => void> = [];
  /**
   * Pages go to the sink as they are filled: the page being filled is open and its ops are drawn at
   * once. Only side-by-side columns come back to a page, so only pages a column block has run on to are
   * held until it ends. A paper of thousands of pages is never in memory, only its measurements.
   */
  private opened = -1;
  private readonly held = new Map<number, Op[]>();
  private inColumns = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly box: Box,
    /** The registered font to set a text in, in a given face. */
    private readonly fontFor: (text: string, face: FontName) => string,
    private readonly sink: Sink,
    private readonly measures: Measures = new Map(),
  ) {
    this.y = box.top;
    this.left = box.left;
    this.width = box.width;
    this.openUpTo(0);
  }

  get room(): number {
    return this.box.bottom - this.y;
  }

  get bodyHeight(): number {
    return this.box.bottom - this.box.top;
  }

  newPage(): void {
    this.page++;
    this.y = this.box.top;
    if (!this.inColumns) this.openUpTo(this.page);
    for (const again of this.repeat) again();
  }

  ensure(height: number): void {
    if (height > this.room && this.y > this.box.top) this.newPage();
  }

  push(op: Op): void {
    if (this.page === this.opened) return this.sink.draw(op);
    let ops = this.held.get(this.page);
    if (!ops) this.held.set(this.page, (ops = []));
    ops.push(op);
  }

  /** Side-by-side columns from the current position; afterwards the layout carries on below the longest. */
  columns(list: Column[]): void {
    const start = { page: this.page, y: this.y };
    const saved = { left: this.left, width: this.width };
    let end = start;
    this.inColumns = true;
    try {
      for (const c of list) {
        Object.assign(this, { left: c.left, width: c.width, page: start.page, y: start.y });
        c.fn();
        if (this.page > end.page || (this.page === end.page && this.y > end.y)) end = { page: this.page, y: this.y };
      }
    } finally {
      this.inColumns = false;
      Object.assign(this, saved, end);
    }
    this.openUpTo(this.page);
  }

  /** Hands every page to the sink; returns how many there were. */
  finish(): number {
    const last = Math.max(this.page, ...this.held.keys());
    this.openUpTo(last);
    return last + 1;
  }

  /** Starts every page up to `page` in the sink, with whatever was held for it. */
  private openUpTo(page: number): void {
    while (this.opened < page) {
      this.opened++;
      this.sink.page(this.opened);
      for (const op of this.held.get(this.opened) ?? []) this.sink.draw(op);
      this.held.delete(this.opened);
    }
  }

  // Text

  /** Sets the font for `text` and returns its name. */
  private setFont(text: string, face: FontName = 'regular', size = DEFAULT_SIZE): string {
    const font = this.fontFor(text, face);
    this.doc.font(font).fontSize(size);
    return font;
  }

  private readonly heights = new WeakMap<Para, { width: number; height: number }>();

  /** Every paragraph is measured when its row is sized and again when it is placed: once is enough. */
  textHeight(p: Para, width: number): number {
    const known = this.heights.get(p);
    if (known?.width === width) return known.height;
    const height = this.measure(p, width);
    this.heights.set(p, { width, height });
    return height;
  }

  private measure(p: Para, width: number): number {
    const text = printable(p.text);
    if (p.chip) {
      this.setFont(text, p.font, p.size);
      return this.doc.currentLineHeight(true) + 2;
    }
    const height = this.heightOf(text, p.font ?? 'regular', p.size ?? DEFAULT_SIZE, Math.max(1, width - (p.label?.width ?? 0)));
    return p.label ? Math.max(height, this.heightOf(p.label.text, 'bold', p.size ?? DEFAULT_SIZE, p.label.width)) : height;
  }

  /** PDFKit's own line breaking, remembered across both passes over the paper (see `Measures`). */
  private heightOf(text: string, face: FontName, size: number, width: number): number {
    const font = this.fontFor(text, face);
    const key = `${font}|${size}|${width}`;
    let known = this.measures.get(key);
    if (!known) this.measures.set(key, (known = new Map()));
    let h = known.get(text);
    if (h === undefined) {
      this.doc.font(font).fontSize(size);
      known.set(text, (h = this.doc.heightOfString(text, { width, lineGap: LINE_GAP })));
    }
    return h;
  }

  /** The width of one line of text, remembered across both passes like the heights (an item's id, a RAG chip). */
  widthOf(text: string, face: FontName, size = DEFAULT_SIZE): number {
    const font = this.fontFor(text, face);
    const key = `${font}|${size}|width`;
    let known = this.measures.get(key);
    if (!known) this.measures.set(key, (known = new Map()));
    let w = known.get(text);
    if (w === undefined) {
      this.doc.font(font).fontSize(size);
      known.set(text, (w = this.doc.widthOfString(text)));
    }
    return w;
  }

  paraHeight(p: Para, width: number): number {
    return (p.gap ?? 0) + this.textHeight(p, width);
  }

  placePara(p: Para, x: number, width: number): void {
    this.y += p.gap ?? 0;
    const size = p.size ?? DEFAULT_SIZE;
    const h = this.textHeight(p, width);
    const text = printable(p.text);
    const font = this.setFont(text, p.font, size);
    if (p.chip) {
      const w = Math.min(width, this.widthOf(text, p.font ?? 'regular', size) + 6);
      this.push({ k: 'rect', x, y: this.y, w, h, fill: p.chip.fill, stroke: p.chip.stroke });
      this.push({ k: 'text', x: x + 3, y: this.y + 1.5, w: w - 6, text, font, size, colour: p.chip.colour, align: 'left' });
    } else {
      const indent = p.label?.width ?? 0;
      if (p.label?.text) this.push({ k: 'text', x, y: this.y, w: indent, text: p.label.text, font: this.fontFor(p.label.text, 'bold'), size, colour: p.colour ?? '#000000', align: 'left' });
      this.push({ k: 'text', x: x + indent, y: this.y, w: width - indent, text, font, size, colour: p.colour ?? '#000000', align: p.align ?? 'left' });
    }
    this.y += h;
  }

  /** Paragraphs in the current column, each kept whole when it fits on a page, else split between pages. */
  paras(list: Para[]): void {
    for (const p of list) {
      let rest: Para | null = p;
      while (rest) {
        const h = this.paraHeight(rest, this.width);
        if (h <= this.room) {
          this.placePara(rest, this.left, this.width);
          rest = null;
        } else if (h <= this.bodyHeight && this.y > this.box.top) {
          this.newPage();
        } else {
          const [head, tail] = this.splitPara(rest, this.width, this.room);
          if (!head && this.y === this.box.top) throw new Error('Not one character of a paragraph fits on a page.');
          if (head) this.placePara(head, this.left, this.width);
          rest = tail;
          if (rest) this.newPage();
        }
      }
    }
  }

  /**
   * The longest start of the paragraph that fits in `height`, and the rest: at a word boundary when
   * one fits, else at a character. [null, p] when not even one character fits.
   */
  splitPara(p: Para, width: number, height: number): [Para | null, Para | null] {
    const fits = (n: number) => this.paraHeight({ ...p, text: p.text.slice(0, n).trimEnd() }, width) <= height;
    const breaks = wordBreaks(p.text);
    let best = largest(breaks, fits);
    if (best === 0) best = largest(charBreaks(p.text), fits);
    if (best === 0) return [null, p];
    const head = { ...p, text: p.text.slice(0, best).trimEnd() };
    const tail = p.text.slice(best).trimStart();
    // The label (a date) stays with the first part only.
    return [head, tail ? { ...p, text: tail, label: p.label ? { ...p.label, text: '' } : undefined, gap: 0 } : null];
  }

  // Tables

  table(t: TableSpec): void {
    const pad = t.padding ?? 3;
    const xs = [this.left];
    for (let i = 1; i < t.widths.length; i++) xs.push(xs[i - 1]! + t.widths[i - 1]!);
    const total = t.widths.reduce((a, b) => a + b, 0);
    const cellsOf = (row: Row) => (row.band ? [{ x: this.left, w: total, cell: row.cells[0]! }] : row.cells.map((cell, i) => ({ x: xs[i]!, w: t.widths[i]!, cell })));
    const heightOf = (row: Row) => Math.max(...cellsOf(row).map(({ w, cell }) => cellHeight(this, cell, w - 2 * pad))) + 2 * pad;

    const headRow: Row = { cells: t.head.map((c) => ({ ...c, fill: t.headFill ?? c.fill })) };
    const headHeight = heightOf(headRow);
    const draw = (row: Row, h: number) => {
      for (const { x, w, cell } of cellsOf(row)) {
        this.push({ k: 'rect', x, y: this.y, w, h, fill: cell.fill, stroke: t.border ?? '#7f7f7f' });
        const keep = this.y;
        this.y += pad;
        for (const p of cell.paras) this.placePara(p, x + pad, w - 2 * pad);
        this.y = keep;
      }
      this.y += h;
    };
    let band: Row | null = null;
    const header = () => {
      draw(headRow, headHeight);
      if (band) {
        const again: Row = { ...band, cells: [{ ...band.cells[0]!, paras: band.cells[0]!.paras.map((p, i) => (i === 0 ? { ...p, text: `${p.text} (continued)` } : p)) }] };
        draw(again, heightOf(again));
      }
    };
    // Rows are read one ahead (a heading stays with the row after it), never all at once: a plan of
    // 10,000 items is laid out without holding 10,000 rows of paragraphs.
    const iterator = t.rows[Symbol.iterator]();
    // A heading (it repeats on every page its theme runs on to) never takes more than a quarter of a page:
    // a longer one is cut short, so the rows always have room.
    const most = this.bodyHeight / 4;
    const capped = (row: Row): Row => {
      if (!row.band || heightOf(row) <= most) return row;
      const p = row.cells[0]!.paras[0]!;
      const [head] = this.splitPara(p, total - 2 * pad, most - 2 * pad - this.paraHeight({ ...p, text: '…' }, total));
      return { ...row, cells: [{ ...row.cells[0]!, paras: [{ ...p, text: `${head?.text ?? ''}…` }] }] };
    };
    const rows = {
      next: (): IteratorResult<Row> => {
        const r = iterator.next();
        return r.done ? r : { value: capped(r.value) };
      },
    };
    let next = rows.next();
    // The header is kept with the first row.
    this.ensure(headHeight + (next.done ? 0 : Math.min(heightOf(next.value), this.bodyHeight / 3)));
    draw(headRow, headHeight);
    this.repeat.push(header);
    try {
      while (!next.done) {
        const row = next.value;
        next = rows.next();
        const h = heightOf(row);
        if (row.band) {
          band = null;
          // A heading is never the last thing on a page.
          if (h + (next.done ? 0 : Math.min(heightOf(next.value), this.bodyHeight / 3)) > this.room) this.newPage();
          draw(row, h);
          band = row;
          continue;
        }
        if (h <= this.room) {
          draw(row, h);
          continue;
        }
        const fresh = this.bodyHeight - headHeight - (band ? heightOf(band) : 0);
        if (h <= fresh || this.room < this.bodyHeight / 4) this.newPage();
        if (h <= this.room) draw(row, h);
        else this.splitRow(row, cellsOf, pad, draw);
      }
    } finally {
      this.repeat.pop();
    }
  }

  /** A row taller than the room left: as much of each cell as fits here, the rest on the next pages. */
  private splitRow(row: Row, cellsOf: (row: Row) => Array<{ x: number; w: number; cell: Cell }>, pad: number, draw: (row: Row, h: number) => void): void {
    let rest: Row | null = row;
    while (rest) {
      const room = this.room - 2 * pad;
      const cells = cellsOf(rest);
      const parts = cells.map(({ w, cell }) => fillCell(this, cell, w - 2 * pad, room));
      if (parts.every((p) => p.here.length === 0)) {
        // Nothing fits in what is left of this page: start the row again on the next.
        if (this.y === this.box.top) throw new Error('A table cell is too narrow to hold a single character.');
        this.newPage();
        continue;
      }
      const here: Row = { ...rest, cells: parts.map((p, i) => ({ ...cells[i]!.cell, paras: p.here })) };
      draw(here, Math.max(...parts.map((p) => p.height)) + 2 * pad);
      const more = parts.some((p) => p.rest.length > 0);
      rest = more
        ? {
            ...rest,
            cells: parts.map((p, i) => ({
              ...cells[i]!.cell,
              paras: i === 0 && rest!.continued ? [{ text: rest!.continued, font: 'italic' as const, colour: '#404040' }, ...p.rest] : p.rest,
            })),
          }
        : null;
      if (rest) this.newPage();
    }
  }
}

/** Line breaks as PDFKit breaks lines (\n), tabs as spaces, other control characters (which no font draws) as spaces. */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ');
}

function cellHeight(layout: Layout, cell: Cell, width: number): number {
  return cell.paras.reduce((h, p) => h + layout.paraHeight(p, width), 0);
}

/** The paragraphs of a cell that fit in `room`, splitting the one that does not; the rest for later. */
function fillCell(layout: Layout, cell: Cell, width: number, room: number): { here: Para[]; rest: Para[]; height: number } {
  const here: Para[] = [];
  let used = 0;
  for (let i = 0; i < cell.paras.length; i++) {
    const p = cell.paras[i]!;
    const h = layout.paraHeight(p, width);
    if (used + h <= room) {
      here.push(p);
      used += h;
      continue;
    }
    const [head, tail] = p.chip ? [null, p] : layout.splitPara(p, width, room - used);
    if (head) {
      here.push(head);
      used += layout.paraHeight(head, width);
    }
    return { here, rest: [...(tail ? [tail] : []), ...cell.paras.slice(i + 1)], height: used };
  }
  return { here, rest: [], height: used };
}

/** Offsets just after each run of spaces: where a paragraph may be cut between words. */
function wordBreaks(text: string): number[] {
  const out: number[] = [];
  const re = /\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > 0) out.push(m.index + m[0].length);
  out.push(text.length);
  return [...new Set(out)];
}

/** Offsets between characters, never inside a surrogate pair. */
function charBreaks(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    out.push(i);
  }
  return out;
}

/** The largest offset in `sorted` for which `fits` holds (fits is monotonic), or 0. */
function largest(sorted: number[], fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(sorted[mid]!)) {
      best = sorted[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
