import type { BoardPaper } from '../core/report/board-paper.js';
import { paperToCsv } from './csv.js';
import { paperToHtml } from './html.js';
import { paperToJson } from './json.js';
import { paperToMarkdown } from './markdown.js';

export const PAPER_FORMATS = ['md', 'csv', 'html', 'pdf', 'json'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

/** The text formats; PDF is the HTML printed by Chromium (see pdf.ts). */
export function renderPaper(paper: BoardPaper, format: Exclude<PaperFormat, 'pdf'>): string {
  switch (format) {
    case 'md':
      return paperToMarkdown(paper);
    case 'csv':
      return paperToCsv(paper);
    case 'html':
      return paperToHtml(paper);
    case 'json':
      return paperToJson(paper);
  }
}
