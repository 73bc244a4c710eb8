import { planKeyProblem } from './plan-key.js';

/** What a person wrote beside a document they sent: which plan, which sheet, which headings mean what. */
export interface ImportRequest {
  planKey: string | null;
  sheet: string | null;
  /** Which of the document's tables, by number or name ("2"). */
  table: string | null;
  /** `field=Heading` pairs, as the terminal's --map takes them. */
  map: string[];
}

const VALUE = String.raw`(?:"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+))`;
// "into X" and "import to X" name a plan; a bare "to" or "plan" inside a sentence ("the plan for the board") does not.
const PLAN = new RegExp(String.raw`(?:^|\s)(?:--plan[\s=]+|(?:into|import\s+to)\s+(?:(?:the\s+)?plan\s+)?|^plan\s+)${VALUE}`, 'i');
const SHEET = new RegExp(String.raw`(?:^|\s)(?:--sheet[\s=]+|(?:from\s+)?(?:the\s+)?sheet\s+)${VALUE}`, 'i');
const TABLE = new RegExp(String.raw`(?:^|\s)(?:--table[\s=]+|(?:from\s+)?(?:the\s+)?table\s+)${VALUE}`, 'i');
const MAP = new RegExp(String.raw`(?:^|\s)(?:--)?map[\s=]+${VALUE}`, 'gi');

/**
 * Reads the words sent with a document: "into audit-2018", "--plan audit-2018", or the key alone;
 * "sheet Tracker" or "--sheet "Action log""; "map owner=Lead officer" (repeatable). Anything else
 * ("here's our tracker") is a note to the reader, not an instruction, and is left alone.
 */
export function readImportRequest(raw: string): ImportRequest | { error: string } {
  const text = raw.replace(/<[^>]*>/g, ' ').trim();
  const value = (m: RegExpExecArray | null) => (m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim() : null);
  const maps = [...text.matchAll(MAP)].map((m) => value(m as RegExpExecArray)!);
  let rest = text.replace(MAP, ' ');
  const sheet = value(SHEET.exec(rest));
  rest = rest.replace(SHEET, ' ').trim();
  const table = value(TABLE.exec(rest));
  rest = rest.replace(TABLE, ' ').trim();
  let planKey = value(PLAN.exec(rest));
  // The key alone ("audit-2018") names the plan; other lone words are not instructions.
  if (planKey === null && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/i.test(rest)) planKey = rest;
  if (planKey !== null) {
    planKey = planKey.toLowerCase().replace(/[.,;:!?]+$/, '');
    const problem = planKeyProblem(planKey);
    if (problem) return { error: `${problem} Send the file again with the plan's key, e.g. \`into audit-2018\`.` };
  }
  for (const m of maps) {
    if (!/^[a-z]+\s*=\s*\S/i.test(m)) return { error: `"map ${m}" is not field=Heading: write it as \`map "owner=Lead officer"\`, then send the file again.` };
  }
  return { planKey, sheet: sheet || null, table: table || null, map: maps };
}
