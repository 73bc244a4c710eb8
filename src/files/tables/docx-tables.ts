import mammoth from 'mammoth';
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
import type { SourceTable } from '../../core/plan/table/source-table.js';
import { finishRows, type GridCell, type GridRow, type TablesReading } from './source-rows.js';

/** Elements whose text starts on a line of its own, as it does on the page. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'ul', 'ol', 'table', 'tr', 'td', 'th']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Word allows 63 columns; a larger span is a damaged file, not a table to lay out. */
const MAX_SPAN = 1000;

/**
 * A Word document's tables, through mammoth's HTML (which keeps Word's merged cells as rowspan and colspan)
 * read back with node-html-parser. Each <table>, nested ones included, is a table of its own.
 */
export async function docxTables(buffer: Buffer, fileName: string): Promise<TablesReading> {
  let html: string;
  try {
    // Pictures are dropped rather than inlined as data URIs: nothing here reads them.
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: noImages, ignoreEmptyParagraphs: false })).value;
  } catch {
    return { error: `${fileName} is damaged and could not be read as a Word document; open it in Word and save it again.` };
  }
  const root = parse(html);
  const elements = root.querySelectorAll('table');
  if (elements.length === 0) return { error: `${fileName} has no table: Concerto reads a plan from a table in the document.` };
  const tables: SourceTable[] = elements.map((table, i) => ({ name: `table ${i + 1}`, rows: finishRows(gridOf(table)) }));
  return { tables, title: titleOf(root), warnings: [] };
}

/** Lays the table's cells on a grid, repeating a cell merged down in each row it covers. */
function gridOf(table: HTMLElement): GridRow[] {
  const rows = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  // Per column: the cell merged down from above and how many more rows it covers.
  const spans: ({ text: string; left: number } | undefined)[] = [];
  return rows.map((tr, i) => {
    const cells: GridCell[] = [];
    let col = 0;
    const fillSpans = (upTo: number) => {
      for (; col < upTo; col++) {
        const span = spans[col];
        if (!span || span.left === 0) return;
        cells[col] = { text: span.text, continued: true };
        span.left--;
      }
    };
    for (const td of tr.childNodes.filter(isCell)) {
      fillSpans(Infinity);
      const rowspan = spanOf(td, 'rowspan');
      const colspan = spanOf(td, 'colspan');
      const text = cellText(td);
      for (let k = 0; k < colspan; k++) {
        // A cell merged across shows its text once, in its first column, as it reads on the page.
        const own = k === 0 ? text : '';
        cells[col + k] = { text: own, continued: false };
        spans[col + k] = rowspan > 1 ? { text: own, left: rowspan - 1 } : undefined;
      }
      col += colspan;
    }
    // Cells merged down from above may also sit past this row's last cell, after a gap.
    for (; col < spans.length; col++) {
      const span = spans[col];
      if (span && span.left > 0) {
        cells[col] = { text: span.text, continued: true };
        span.left--;
      }
    }
    return { number: i + 1, cells };
  });
}

function isCell(node: Node): node is HTMLElement {
  return node instanceof HTMLElement && (node.rawTagName.toLowerCase() === 'td' || node.rawTagName.toLowerCase() === 'th');
}

function spanOf(td: HTMLElement, attribute: string): number {
  const n = Number.parseInt(td.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Paragraphs (and line breaks) inside a cell become lines; empty paragraphs are spacing, not text. */
function cellText(element: HTMLElement): string {
  const lines = [''];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof TextNode) lines[lines.length - 1] += child.text;
      else if (child instanceof HTMLElement) {
        const tag = child.rawTagName.toLowerCase();
        if (tag === 'br') lines.push('');
        else if (BLOCKS.has(tag)) {
          lines.push('');
          walk(child);
          // An empty paragraph is the blank line a writer leaves between entries ("14.06.17 …", "08/08/17 …").
          if (tag === 'p' && !child.text.trim()) lines.push(BLANK);
          lines.push('');
        } else walk(child);
      }
    }
  };
  walk(element);
  return lines
    .map((line) => (line === BLANK ? line : line.replace(/\s+/g, ' ').trim()))
    .filter(Boolean)
    .join('\n')
    .replace(new RegExp(`(?:\\n?${BLANK})+\\n?`, 'g'), '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Marks an empty paragraph while a cell's lines are gathered. */
const BLANK = '\u0000';

/** The first heading above the first table, or failing one the first paragraph there: how the document names itself. */
function titleOf(root: HTMLElement): string | null {
  let paragraph: string | null = null;
  for (const node of root.childNodes) {
    if (!(node instanceof HTMLElement)) continue;
    const tag = node.rawTagName.toLowerCase();
    if (tag === 'table') break;
    const text = cellText(node).replace(/\n/g, ' ');
    if (!text) continue;
    if (HEADINGS.has(tag)) return text;
    if (tag === 'p') paragraph ??= text;
  }
  return paragraph;
}
