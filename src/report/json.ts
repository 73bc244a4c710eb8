import type { BoardPaper } from '../core/report/board-paper.js';
import { planFileAsAt } from '../core/report/plan-file-as-at.js';

/**
 * The paper's plan in the import format (`concerto import` reads it back, ignoring the rest), followed,
 * when the paper has any board business in it (`governanceRecorded`), by `meeting` (a meeting's paper
 * only), `decisions` (the decision log) and `waiting` (items at Awaiting decision by board). A plan
 * with none of that exports exactly the four keys it always did.
 */
export function paperToJson(paper: BoardPaper): string {
  const file = planFileAsAt(paper, paper.recommendations);
  const governance = paper.governanceRecorded
    ? {
        ...(paper.meeting ? { meeting: paper.meeting } : {}),
        decisions: paper.decisions.map((d) => ({ id: d.id, board: d.board, meeting: d.meeting, decidedOn: d.decidedOn, text: d.text, affects: d.affects, corrects: d.corrects })),
        waiting: paper.waiting.map((g) => ({ board: g.board, items: g.items.map((i) => ({ id: i.id, what: i.what })) })),
      }
    : {};
  // Completions awaiting sign-off, only when there are any: a plan without them exports as it always did.
  const proposals = paper.proposals.length ? { proposals: paper.proposals } : {};
  return `${JSON.stringify({ ...file, ...governance, ...proposals }, null, 2)}\n`;
}
