import type { SourceRow } from './source-table.js';

/**
 * A section row holds only a heading: in one cell, or the same text across the row (a cell merged across
 * the table arrives repeated). Short, one line, and not the end of a sentence, so the tail of a
 * recommendation split by a page break is never taken for a section. A lone cell under Owner, Update or
 * a date column is the rest of that cell ("Portfolio Office" carried over a page), not a section.
 */
export function sectionHeading(row: SourceRow, dataColumns: ReadonlySet<number>): string | null {
  const filled = row.cells.map((c, i) => ({ text: c.trim(), i })).filter((c) => c.text);
  const texts = new Set(filled.map((c) => c.text));
  if (texts.size !== 1) return null;
  if (filled.length === 1 && dataColumns.has(filled[0]!.i)) return null;
  const [text = ''] = texts;
  if (text.includes('\n') || text.length > 80 || text.split(/\s+/).length > 10) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || /[.,;]$/.test(text)) return null;
  // A section carried onto a new page is headed again, "ICT (continued)": the same section.
  return text.replace(/:$/, '').replace(/\s*\((?:continued|cont(?:inued|[’']d)?\.?)\)$/i, '').trim();
}

const SENTENCE_END = /[.!?:;)]$/;
const STARTS_MIDWAY = /^(?:[\p{Ll}]|[•\uf0b7,;:)\u2013\u2014-])/u;

export function startsMidway(text: string): boolean {
  return STARTS_MIDWAY.test(text.trimStart());
}

/** "…hand over projects to Business as Usual once the" + "benefits have been realised": more of the row above. */
export function continuesText(before: string, after: string): boolean {
  const b = before.trimEnd();
  const a = after.trimStart();
  if (!b || !a) return false;
  return STARTS_MIDWAY.test(a) || !SENTENCE_END.test(b);
}

/** Text carried over a page break: a space mid-sentence, a new line where the first part ended one or a list goes on. */
export function joinText(before: string, after: string): string {
  const b = before.trimEnd();
  const a = after.trim();
  if (!b) return a;
  if (!a) return b;
  return SENTENCE_END.test(b) || /^[•\uf0b7*]/.test(a) ? `${b}\n${a}` : `${b} ${a}`;
}
