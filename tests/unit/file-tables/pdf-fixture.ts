import PDFDocument from 'pdfkit';

/**
 * A plan table laid out with PDFKit as Word prints one: bordered cells with padding, each cell's wrapped
 * lines given here line by line (so what is on each line is known), the header repeated on every page, a
 * running head and a page number. It also tells which line of the PDF each row starts on, as the reader
 * numbers them (every distinct line of text, page after page, from 1).
 */
export type PdfTableRow = { section: string } | { cells: string[][]; splitAfter?: number };

export interface PdfTableOptions {
  title?: string;
  centredHeadings?: boolean;
  headings?: string[];
  userPassword?: string;
}

const COLUMNS = [
  { x: 40, w: 170 },
  { x: 210, w: 100 },
  { x: 310, w: 160 },
  { x: 470, w: 85 },
];
export const HEADINGS = ['Recommendation No', 'Owner', 'Update', 'Delivery Date'];
const SIZE = 9;
const PITCH = 11;
const PAD = 4;
const TOP = 80;
const BOTTOM = 760;

/**
 * Paragraphs laid into a column's lines as a word processor wraps them: each line takes words while they fit
 * in the column's width inside its padding, and each paragraph starts a new line.
 */
export function wrapInColumn(paragraphs: readonly string[], column: number): string[] {
  const measure = new PDFDocument({ size: 'A4', margin: 0 }).font('Helvetica').fontSize(SIZE);
  const width = COLUMNS[column]!.w - 2 * PAD;
  return paragraphs.flatMap((paragraph) => {
    const lines: string[] = [];
    for (const word of paragraph.split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && measure.widthOfString(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  });
}

export async function tablePdf(rows: readonly PdfTableRow[], options: PdfTableOptions = {}): Promise<{ bytes: Buffer; headerLine: number; rowLines: number[] }> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}) });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica').fontSize(SIZE);

  const drawn: { page: number; y: number }[] = [];
  let page = 1;
  let y = TOP;
  const text = (s: string, x: number, at: number, width?: number) => {
    drawn.push({ page, y: at });
    doc.text(s, x, at, { lineBreak: false, ...(width ? { width, align: 'center' as const } : {}) });
  };
  const furniture = () => {
    text('BCH Collaboration action plan, October 2017', 40, 30);
    text(`Page ${page}`, 280, 800);
  };
  const header = () => {
    const h = 2 * PAD + PITCH;
    (options.headings ?? HEADINGS).forEach((heading, i) => {
      const c = COLUMNS[i]!;
      doc.rect(c.x, y, c.w, h).stroke();
      if (options.centredHeadings) text(heading, c.x, y + PAD, c.w);
      else text(heading, c.x + PAD, y + PAD);
    });
    y += h;
  };
  const newPage = () => {
    doc.addPage();
    page++;
    y = TOP;
    furniture();
    header();
  };
  const cellLines = (cells: string[][], from: number, to: number) => {
    const h = 2 * PAD + PITCH * Math.max(1, ...cells.map((c) => Math.min(c.length, to) - from));
    cells.forEach((lines, i) => {
      const c = COLUMNS[i]!;
      doc.rect(c.x, y, c.w, h).stroke();
      lines.slice(from, to).forEach((line, k) => text(line, c.x + PAD, y + PAD + k * PITCH));
    });
    y += h;
  };

  furniture();
  if (options.title) {
    text(options.title, 40, 55);
  }
  header();
  const starts: { page: number; y: number }[] = [];
  for (const row of rows) {
    if ('section' in row) {
      if (y + 2 * PAD + PITCH > BOTTOM) newPage();
      starts.push({ page, y: y + PAD });
      doc.rect(40, y, 515, 2 * PAD + PITCH).stroke();
      text(row.section, 40 + PAD, y + PAD);
      y += 2 * PAD + PITCH;
      continue;
    }
    const lines = Math.max(...row.cells.map((c) => c.length));
    if (row.splitAfter !== undefined) {
      starts.push({ page, y: y + PAD });
      cellLines(row.cells, 0, row.splitAfter);
      newPage();
      cellLines(row.cells, row.splitAfter, lines);
      continue;
    }
    if (y + 2 * PAD + PITCH * lines > BOTTOM) newPage();
    starts.push({ page, y: y + PAD });
    cellLines(row.cells, 0, lines);
  }
  doc.end();
  await done;

  const key = (at: { page: number; y: number }) => at.page * 10_000 + at.y;
  const order = [...new Set(drawn.map(key))].sort((a, b) => a - b);
  const lineOf = (at: { page: number; y: number }) => order.indexOf(key(at)) + 1;
  return { bytes: Buffer.concat(chunks), headerLine: lineOf({ page: 1, y: TOP + PAD }), rowLines: starts.map(lineOf) };
}
