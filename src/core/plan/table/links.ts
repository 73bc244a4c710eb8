import type { RawItem } from './rows.js';

const SEE_ABOVE = /\bsee\s+(?:rec(?:ommendation)?\.?\s*)?(\d{1,3}(?:\.\d{1,3}){1,4})\s+(?:above|below)\b/i;

/**
 * "See 9.1.1 above" stays in the plan as the board wrote it: the item's owner, text or update is
 * another item's. The reading says which item it points at, and whether that item is in the plan.
 */
export function linkNotes(items: RawItem[], ids: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  for (const item of items) {
    const cells: Array<[string, string]> = [['text', item.text], ['owner', item.cells.owner ?? ''], ['update', item.cells.update ?? ''], ['delivery', item.cells.delivery ?? '']];
    for (const [field, cell] of cells) {
      const m = SEE_ABOVE.exec(cell);
      if (!m) continue;
      const shown = cell.trim().length <= 80 ? cell.trim().replace(/\s+/g, ' ') : m[0];
      const target = m[1]!;
      const missing = ids.has(target) ? '' : `, which is not in the plan`;
      notes.push(`${item.id}: ${field} says "${shown}", linked to ${target}${missing}`);
    }
  }
  return notes;
}
