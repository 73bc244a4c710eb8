/**
 * A PDF's text as pdf.js places it: per page, visual lines top to bottom, each a list of text runs with
 * their left and right edges. A "run" is text that reads as one phrase (pdf.js may cut a line into several
 * items, word by word); runs are what a table's columns are found from and assigned to.
 */
export interface PdfRun {
  text: string;
  x: number;
  right: number;
}

export interface PdfLine {
  /** 1-based across the whole document, top to bottom of each page in turn: the PDF's line. */
  number: number;
  page: number;
  /** Baseline, in points from the top of the page. */
  y: number;
  /** Font size of the line's largest text, the yardstick for every gap measured on it. */
  size: number;
  runs: PdfRun[];
  /** The items pdf.js gave, left to right: cells are filled from these, so a run that strays over a column's edge is still cut there. */
  items: PdfRun[];
}

interface Item {
  str: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

export type PdfText = { lines: PdfLine[]; pageHeights: number[] } | { error: string };

export async function pdfLines(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the array over (it transfers it to its worker), so it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    if ((e as Error).name === 'PasswordException') return { error: `${fileName} is password-protected; save a copy without a password and try again.` };
    return { error: `${fileName} is damaged and could not be read as a PDF; open it and save or print it to PDF again.` };
  }
  try {
    const lines: PdfLine[] = [];
    const pageHeights: number[] = [];
    for (let page = 1; page <= doc.numPages; page++) {
      const p = await doc.getPage(page);
      const [, , , top] = p.view as [number, number, number, number];
      pageHeights.push(top - (p.view[1] ?? 0));
      const items: Item[] = [];
      for (const item of (await p.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Rotated text (a stamp, a sideways label) is not part of a table's rows.
        if (Math.abs(b ?? 0) > 0.01 || Math.abs(c ?? 0) > 0.01 || (a ?? 0) <= 0) continue;
        items.push({ str: item.str, x: e ?? 0, right: (e ?? 0) + item.width, y: top - (f ?? 0), size: Math.abs(d ?? 0) || item.height || 10 });
      }
      for (const line of group(items)) lines.push({ ...line, number: lines.length + 1, page });
      p.cleanup();
    }
    return { lines, pageHeights };
  } finally {
    await doc.destroy();
  }
}

/** Items whose baselines are within half a font size of each other are one line (a superscript stays on it). */
function group(items: Item[]): Omit<PdfLine, 'number' | 'page'>[] {
  const lines: Item[][] = [];
  for (const item of [...items].sort((p, q) => p.y - q.y || p.x - q.x)) {
    const line = lines.at(-1);
    if (line && item.y - line[0]!.y < 0.5 * Math.min(item.size, line[0]!.size)) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    line.sort((p, q) => p.x - q.x);
    return { y: line[0]!.y, size: Math.max(...line.map((i) => i.size)), runs: runsOf(line), items: line.map((i) => ({ text: i.str, x: i.x, right: i.right })) };
  });
}

/**
 * Neighbouring items join into one run unless a gap of a font size or more parts them, which is wider than
 * any space between words and narrower than the padding between two table cells.
 */
function runsOf(items: Item[]): PdfRun[] {
  return joined(items.map((i) => ({ text: i.str, x: i.x, right: i.right, size: i.size })), (gap, size) => gap >= size);
}

/** Joins pieces of text left to right into phrases, with a space where the gap between two is wider than a narrow space. */
function joined(pieces: (PdfRun & { size: number })[], parts: (gap: number, size: number) => boolean): PdfRun[] {
  const runs: (PdfRun & { size: number })[] = [];
  for (const piece of pieces) {
    const run = runs.at(-1);
    const gap = run ? piece.x - run.right : Infinity;
    if (run && !parts(gap, piece.size)) {
      const space = gap > 0.15 * piece.size && !/\s$/.test(run.text) && !/^\s/.test(piece.text) ? ' ' : '';
      run.text += space + piece.text;
      run.right = Math.max(run.right, piece.right);
    } else runs.push({ ...piece });
  }
  return runs.map((r) => ({ text: r.text.replace(/\s+/g, ' ').trim(), x: r.x, right: r.right })).filter((r) => r.text !== '');
}

/** A line's text in one column, with where it ends and how wide its first word is (for telling a wrap from a break). */
export interface ColumnText {
  text: string;
  right: number;
  firstWordWidth: number;
}

/** A line's runs that fall in each column; boundaries[i] is where column i + 1 starts. */
export function splitColumns(line: PdfLine, boundaries: readonly number[]): ColumnText[] {
  const columns = Array.from({ length: boundaries.length + 1 }, () => [] as (PdfRun & { size: number })[]);
  for (const item of line.items) columns[boundaries.filter((b) => item.x >= b).length]!.push({ ...item, size: line.size });
  return columns.map((items) => {
    const run = joined(items, () => false)[0];
    if (!run) return { text: '', right: -Infinity, firstWordWidth: 0 };
    // pdf.js gives no word widths inside an item: the first word's share of its item's characters stands for its share of the width.
    const first = items.find((i) => i.text.trim() !== '')!;
    const chars = first.text.trim();
    const word = chars.split(/\s+/)[0]!;
    return { text: run.text, right: run.right, firstWordWidth: ((first.right - first.x) * word.length) / Math.max(1, chars.length) };
  });
}
