import type { BoardPaper } from '../core/report/board-paper.js';
import type { PaperFormat } from '../core/report/paper-formats.js';
import { paperToCsv } from './csv.js';
import { paperToHtml } from './html.js';
import { paperToJson } from './json.js';
import { paperToMarkdown } from './markdown.js';

export { PAPER_FORMATS, type PaperFormat } from '../core/report/paper-formats.js';

/** PDF, Excel and Word are files, not text for a terminal. */
export const BINARY_FORMATS: ReadonlySet<PaperFormat> = new Set(['pdf', 'xlsx', 'docx']);

/** The paper in any of its formats, every one by a library (see each file), none needing a program installed. */
export async function renderPaper(paper: BoardPaper, format: PaperFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return paperToMarkdown(paper);
    case 'csv':
      return paperToCsv(paper);
    case 'html':
      return paperToHtml(paper);
    case 'json':
      return paperToJson(paper);
    // PDFKit with its fonts, exceljs and docx are loaded only when a paper in their format is made: the Slack
    // app and the CLI start (and stay) smaller for everyone who never asks for one.
    case 'pdf':
      return (await import('./pdf.js')).paperToPdf(paper);
    case 'xlsx':
      return (await import('./xlsx.js')).paperToXlsx(paper);
    case 'docx':
      return (await import('./docx.js')).paperToDocx(paper);
  }
}
