import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF back with Mozilla's pdf.js, a reader this project did not write (and one that needs no
 * system package, so no test is skipped for want of poppler): each page's size and its text runs with
 * their positions, in points from the top-left corner as the layout places them.
 */
export interface PdfRun {
  str: string;
  x: number;
  y: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfRun[];
  /** The page's text, one line per visual line, runs on a line in left-to-right order. */
  lines: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs = content.items
        .flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ str: item.str, x: item.transform[4] as number, y: height - (item.transform[5] as number) }] : []))
        .sort((a, b) => a.y - b.y || a.x - b.x);
      pages.push({ width, height, runs, lines: linesOf(runs) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** All the text of a PDF, page after page, one visual line a line. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).map((p) => p.lines.join('\n')).join('\n');
}

/** Runs whose baselines are within a point of each other are one line. */
export function linesOf(runs: readonly PdfRun[]): string[] {
  const lines: PdfRun[][] = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l[0]!.y - run.y) < 1);
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines.sort((a, b) => a[0]!.y - b[0]!.y).map((l) => l.sort((a, b) => a.x - b.x).map((r) => r.str).join(' ').replace(/\s+/g, ' ').trim());
}

/**
 * The text of one table column across the pages, top to bottom, below the line at `fromY` on each page
 * (the repeated header row and the running head are left out): what a reader copying the column gets.
 */
export function columnText(pages: readonly PdfPage[], x0: number, x1: number, below: (page: PdfPage) => number): string {
  return pages
    .flatMap((page) => {
      const top = below(page);
      return linesOf(page.runs.filter((r) => r.x >= x0 - 0.5 && r.x < x1 - 0.5 && r.y > top));
    })
    .join(' ');
}

/** For comparing text across line breaks: PDFKit breaks lines at spaces and after hyphens, so whitespace does not count. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
