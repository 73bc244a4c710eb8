import type { BoardPaper } from '../core/report/board-paper.js';
import { planFileAsAt } from '../core/report/plan-file-as-at.js';

/** The paper's plan in the import format (`concerto import` reads it back). */
export function paperToJson(paper: BoardPaper): string {
  return `${JSON.stringify(planFileAsAt(paper, paper.recommendations), null, 2)}\n`;
}
