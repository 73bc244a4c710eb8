import type { BoardPaper } from '../core/report/board-paper.js';
import { longDate } from '../core/report/dates.js';
import { paperCharts } from './charts.js';
import { FONT_NAMES, paperFonts, type PaperFonts } from './pdf-fonts.js';
import { Layout, type Measures, type Op, type Sink } from './pdf-layout.js';
import { layOutPaper } from './pdf-paper.js';

/** A4 landscape in points, with 10 mm side margins and room for the running head and the page number. */
const PAGE = { width: 841.89, height: 595.28 };
const SIDE = 28.35;
const BOX = { left: SIDE, top: 40, width: PAGE.width - 2 * SIDE, bottom: PAGE.height - 34 };

/**
 * The board paper as a PDF, by PDFKit alone: no browser, no system package. A4 landscape; the title
 * and "as at" date and "Page n of N" on every page; the charts (vector, from the same SVG as the HTML)
 * and their numbers on the first page; the recommendations table with its header row on every page and
 * its rows kept whole. Fonts are embedded, so every word can be selected and searched. Nothing in it
 * is live: plan text is only ever drawn as text (no links, no actions, no JavaScript).
 */
export async function paperToPdf(paper: BoardPaper): Promise<Buffer> {
  // PDFKit is loaded when a PDF is made, not when a command starts.
  const [charts, fonts, { default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([paperCharts(paper), paperFonts(), import('pdfkit'), import('svg-to-pdfkit')]);
  const { fontFor } = fonts;
  const runningHead = `${paper.title} — as at ${longDate(paper.asAt)}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: runningHead, Creator: 'Concerto', Producer: 'Concerto (PDFKit)' },
  });
  // The document is read as it is written, page by page: left to its stream, each page's compressed
  // content would sit there until the end, each holding on to zlib's much larger output buffer.
  const chunks: Buffer[] = [];
  const drain = () => {
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  };
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('readable', drain);
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  fonts.register(doc);
  // Measuring needs a current page; it becomes page 1.
  doc.addPage();
  // Twice: once to count the pages ("Page n of N" is on page 1), then to draw them, each page as soon as it is full.
  const measures: Measures = new Map();
  const pass = (sink: Sink) => {
    const layout = new Layout(doc, BOX, fontFor, sink, measures);
    layOutPaper(layout, paper, charts);
    return layout.finish();
  };
  const pages = pass({
    page: (i) => {
      if (i % 100 === 0) forgetWordLayouts(doc);
    },
    draw: () => {},
  });
  pass({
    page: (i) => {
      if (i > 0) doc.addPage();
      if (i % 100 === 0) {
        drain();
        forgetWordLayouts(doc);
      }
      pageFrame(doc, fontFor, runningHead, i + 1, pages);
    },
    draw: (op) => draw(doc, SVGtoPDF, op),
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function pageFrame(doc: PDFKit.PDFDocument, fontFor: PaperFonts['fontFor'], head: string, n: number, of: number): void {
  doc.font(fontFor(head, 'regular')).fontSize(8).fillColor('#404040');
  doc.text(head, SIDE, 18, { width: BOX.width * 0.8, height: 10, ellipsis: true, lineBreak: false });
  doc.rect(SIDE, 30, BOX.width, 0.5).fill('#7f7f7f');
  doc.fillColor('#404040').text(`Page ${n} of ${of}`, SIDE, PAGE.height - 24, { width: BOX.width, align: 'right', lineBreak: false });
}

function draw(doc: PDFKit.PDFDocument, SVGtoPDF: typeof import('svg-to-pdfkit').default, op: Op): void {
  switch (op.k) {
    case 'text':
      doc.font(op.font).fontSize(op.size).fillColor(op.colour);
      // A height far beyond the page stops PDFKit from starting pages of its own: the layout already placed this text.
      doc.text(op.text, op.x, op.y, { width: Math.max(1, op.w), lineGap: 1, align: op.align, height: 1e6 });
      return;
    case 'rect':
      doc.lineWidth(0.5).rect(op.x, op.y, op.w, op.h);
      if (op.fill && op.stroke) doc.fillAndStroke(op.fill, op.stroke);
      else if (op.fill) doc.fill(op.fill);
      else if (op.stroke) doc.stroke(op.stroke);
      return;
    case 'svg':
      SVGtoPDF(doc, sized(op.svg, op.w, op.h), op.x, op.y, {
        width: op.w,
        height: op.h,
        assumePt: true,
        fontCallback: (_family, bold) => (bold ? FONT_NAMES.bold : FONT_NAMES.regular),
      });
      return;
  }
}

/** The SVG's own width and height win over SVGtoPDF's options, so the root element is given the size it is drawn at (its viewBox scales the rest). */
function sized(svg: string, width: number, height: number): string {
  return svg.replace(/^<svg\b[^>]*>/, (root) => root.replace(/\swidth="[^"]*"/, ` width="${width}"`).replace(/\sheight="[^"]*"/, ` height="${height}"`));
}

/**
 * PDFKit remembers the glyph layout of every distinct word it has set, per font, for the life of the
 * document: over a 3,000-page paper that is tens of megabytes of words that never recur (item numbers,
 * dates). Forgetting them every hundred pages costs a little time and keeps memory flat. A PDFKit without
 * this private cache is left alone.
 */
function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies ?? {};
  for (const font of Object.values(families)) if (font.layoutCache) font.layoutCache = Object.create(null);
}
