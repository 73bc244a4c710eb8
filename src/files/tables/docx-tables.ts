import type { SaxesTagNS } from 'saxes';
import type { SourceTable } from '../../core/plan/table/source-table.js';
import { attributeOf, DocxPackage, nameOf, type ParagraphKind, type ParagraphProperties, type ParagraphStyles, paragraphStylesOf, partsOf, type XmlHandlers } from './docx-package.js';
import { finishRows, type GridCell, type GridRow, type TablesReading } from './source-rows.js';

/** Word allows 63 columns; a larger span (or w:gridBefore) is a damaged file, not a table to lay out. */
const MAX_SPAN = 1000;

/**
 * A Word document's tables, read from `word/document.xml` as it inflates (yauzl) and parses (saxes, one
 * event at a time), so that a 2,000-row plan costs a few MB rather than several copies of the document.
 * Each w:tbl, nested ones included, is a table of its own, named "table N" in document order.
 *
 * What it makes of the WordprocessingML is what the earlier reading through mammoth's HTML made of it:
 * mammoth's choice of elements (deleted text, field codes and mc:Choice skipped; insertions, hyperlinks,
 * content controls and smart tags read; a text box's paragraphs after the paragraph that holds it), its
 * default style map (headings and list items), and node-html-parser's text of the HTML (paragraphs and
 * line breaks as lines, an empty paragraph in a cell as the blank line between entries). It departs from
 * that reading only where the reading lost what Word shows: a row's w:gridBefore leaves its first columns
 * empty rather than shifting its cells left; a page or column break and w:cr start a new line rather than
 * joining two words; a w:fldSimple's result is read; and a bookmark between rows no longer undoes the
 * table's vertical merges. A w:sym (a symbol font's character) is dropped, where mammoth mapped it to
 * Unicode. See docx-package.ts for the parts it reads besides the body.
 */
export async function docxTables(buffer: Buffer, fileName: string): Promise<TablesReading> {
  let body: { tables: GridRow[][]; title: string | null };
  try {
    const pkg = await DocxPackage.open(buffer);
    try {
      const parts = await partsOf(pkg);
      const reader = new BodyReader(await paragraphStylesOf(pkg, parts));
      await pkg.parse(parts.document, reader);
      body = reader.finish();
    } finally {
      pkg.close();
    }
  } catch {
    return { error: `${fileName} is damaged and could not be read as a Word document; open it in Word and save it again.` };
  }
  if (body.tables.length === 0) return { error: `${fileName} has no table: Concerto reads a plan from a table in the document.` };
  const tables: SourceTable[] = body.tables.map((grid, i) => ({ name: `table ${i + 1}`, rows: finishRows(grid) }));
  return { tables, title: body.title, warnings: [] };
}

// ---------------------------------------------------------------------------------------------------
// Text as lines

/** A line ends here (a paragraph, a cell, a row or a table starts or ends, or a w:br). */
const BREAK = 0;
/** An empty paragraph: the blank line a writer leaves between entries ("14.06.17 …", "08/08/17 …"). */
const BLANK_LINE = 1;
type Token = string | typeof BREAK | typeof BLANK_LINE;

/** Marks an empty paragraph while a cell's lines are gathered. */
const BLANK = '\u0000';
const BLANKS = new RegExp(`(?:\\n?${BLANK})+\\n?`, 'g');

/** Lines as they read: spaces collapsed, empty lines dropped, an empty paragraph between lines a blank line. */
function textOf(tokens: readonly Token[]): string {
  const lines = [''];
  for (const token of tokens) {
    if (token === BREAK) lines.push('');
    else if (token === BLANK_LINE) lines.push(BLANK);
    else lines[lines.length - 1] += token;
  }
  return lines
    .map((line) => (line === BLANK ? line : line.replace(/\s+/g, ' ').trim()))
    .filter(Boolean)
    .join('\n')
    .replace(BLANKS, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function append(to: Token[], tokens: readonly Token[]): void {
  for (const token of tokens) to.push(token);
}

// ---------------------------------------------------------------------------------------------------
// The body

/** A finished paragraph (and what kind mammoth made it), or a finished table's text for the cell that holds it. */
interface Block {
  kind: ParagraphKind | 'table';
  tokens: Token[];
}

/** Where finished blocks go: the title's search (the body's own), a cell's text, the paragraph a text box is anchored in, or nowhere. */
type Sink = { to: 'title' } | { to: 'cell'; tokens: Token[] } | { to: 'extras'; paragraph: Paragraph } | { to: 'nowhere' };

const TITLE: Sink = { to: 'title' };
const NOWHERE: Sink = { to: 'nowhere' };

interface Paragraph {
  properties: ParagraphProperties;
  /** Its paragraph mark is a tracked deletion: Word joins it to the next paragraph. */
  deleted: boolean;
  tokens: Token[];
  /** Text boxes (w:pict) anchored in it, which mammoth put after it. */
  extras: Block[];
}

interface TableBuild {
  rows: GridRow[];
  /** Per grid column, the text a cell merged down into it shows: a cell's text in its first column, "" in the rest. */
  columns: (string | undefined)[];
  /** Its text for the cell it is nested in; null for a table not in a cell. */
  tokens: Token[] | null;
  /** In a deleted row, or in the lower part of a merged cell: the HTML had no such table. */
  dropped: boolean;
}

interface RowBuild {
  cells: CellBuild[];
  gridBefore: number;
  deleted: boolean;
  /** Tables from this index on were started in this row. */
  firstTable: number;
}

interface CellBuild {
  tokens: Token[];
  span: number;
  /** w:vMerge with no w:val or "continue": the lower part of a cell merged down. */
  continues: boolean;
  firstTable: number;
  endTable: number;
}

/** A content control shown as a checkbox: mammoth put an <input> in place of its first text, the box character. */
interface Checkbox {
  pending: boolean;
  outer: Checkbox | undefined;
}

interface Context {
  /** Where text goes: a paragraph's, a cell's, or nowhere. */
  inline: Token[] | null;
  /** Where a finished paragraph or table goes. */
  blocks: Sink;
  inCell: boolean;
  paragraph?: Paragraph | undefined;
  table?: TableBuild | undefined;
  row?: RowBuild | undefined;
  checkboxes?: Checkbox | undefined;
}

/**
 * What an open element is to the reader. Frames are plain objects told apart by `kind` rather than closures:
 * a document has hundreds of thousands of elements, and under tsx every function made costs a defineProperty.
 */
type Frame =
  | { kind: 'document' }
  | { kind: 'root'; bodySeen: boolean }
  | { kind: 'content'; context: Context }
  | { kind: 'paragraph'; context: Context; blocks: Sink; paragraph: Paragraph; propertiesSeen: boolean }
  | { kind: 'paragraph-properties'; paragraph: Paragraph; styleSeen: boolean; numberingSeen: boolean; markSeen: boolean }
  | { kind: 'numbering'; paragraph: Paragraph; levelSeen: boolean; numIdSeen: boolean }
  | { kind: 'paragraph-mark'; paragraph: Paragraph }
  | { kind: 'text'; context: Context; text: string }
  | { kind: 'alternate'; context: Context; fallbackSeen: boolean }
  | { kind: 'control'; context: Context; propertiesSeen: boolean; contentSeen: boolean; checkbox: Checkbox | undefined }
  | { kind: 'control-properties'; control: { context: Context; checkbox: Checkbox | undefined } }
  | { kind: 'table'; blocks: Sink; table: TableBuild; context: Context }
  | { kind: 'row'; context: Context; table: TableBuild; row: RowBuild; propertiesSeen: boolean }
  | { kind: 'row-properties'; row: RowBuild; gridBeforeSeen: boolean }
  | { kind: 'cell'; context: Context; cell: CellBuild; propertiesSeen: boolean }
  | { kind: 'cell-properties'; cell: CellBuild; spanSeen: boolean; mergeSeen: boolean };

/** Elements read through as if they were not there, as mammoth reads them. */
const TRANSPARENT = new Set([
  'w:r',
  'w:hyperlink',
  'w:ins',
  'w:moveTo',
  'w:customXml',
  'w:smartTag',
  'w:object',
  // mammoth dropped a simple field's result; Word shows it, so it is read as a complex field's result is.
  'w:fldSimple',
  'w:txbxContent',
  'v:shape',
  'v:textbox',
  'v:roundrect',
  'v:rect',
  'v:group',
]);

function spanOf(value: string | undefined, none: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : none;
}

/** Turns saxes's events for the main document part into its tables and its title. */
class BodyReader implements XmlHandlers {
  private readonly stack: Frame[] = [{ kind: 'document' }];
  /** How deep inside an element that is not read (and everything in it) the parser is. */
  private skipped = 0;
  private readonly tables: TableBuild[] = [];
  private bodySeen = false;
  /** A deleted paragraph's content, waiting for the next paragraph, as mammoth joined them. */
  private pending: { tokens: Token[]; extras: Block[] } | null = null;
  private notes = 0;
  // The title: the first heading above the first table, or failing one the first paragraph there.
  private tableSeen = false;
  private heading: string | null = null;
  private firstParagraph: string | null = null;

  constructor(private readonly styles: ParagraphStyles) {}

  readonly open = (tag: SaxesTagNS): void => {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const frame = this.childOf(this.stack[this.stack.length - 1]!, nameOf(tag), tag);
    if (frame) this.stack.push(frame);
    else this.skipped = 1;
  };

  readonly close = (): void => {
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    const frame = this.stack.pop()!;
    switch (frame.kind) {
      case 'text':
        this.emit(frame.context, frame.text, true);
        break;
      case 'paragraph':
        this.finishParagraph(frame.paragraph, frame.blocks);
        break;
      case 'table':
        frame.table.tokens?.push(BREAK);
        this.add(frame.blocks, { kind: 'table', tokens: frame.table.tokens ?? [] });
        break;
      case 'row':
        this.finishRow(frame.table, frame.row);
        break;
      case 'cell':
        frame.cell.endTable = this.tables.length;
        break;
    }
  };

  readonly text = (text: string): void => {
    const frame = this.stack[this.stack.length - 1]!;
    if (this.skipped === 0 && frame.kind === 'text') frame.text += text;
  };

  /** Throws when the document had no w:body, as mammoth did. */
  finish(): { tables: GridRow[][]; title: string | null } {
    if (!this.bodySeen) throw new Error('no w:body');
    return { tables: this.tables.filter((t) => !t.dropped).map((t) => t.rows), title: this.heading ?? this.firstParagraph };
  }

  /** The frame for an element inside `parent`, or null to skip it and everything in it. */
  private childOf(parent: Frame, name: string, tag: SaxesTagNS): Frame | null {
    switch (parent.kind) {
      case 'document':
        return { kind: 'root', bodySeen: false };
      case 'root':
        if (name !== 'w:body' || parent.bodySeen) return null;
        parent.bodySeen = this.bodySeen = true;
        return { kind: 'content', context: { inline: null, blocks: TITLE, inCell: false } };
      case 'content':
        return this.contentOf(parent.context, name);
      case 'text':
        return null;
      case 'paragraph':
        if (name !== 'w:pPr') return this.contentOf(parent.context, name);
        if (parent.propertiesSeen) return null;
        parent.propertiesSeen = true;
        return { kind: 'paragraph-properties', paragraph: parent.paragraph, styleSeen: false, numberingSeen: false, markSeen: false };
      // w:pPr: the style, the numbering, and whether the paragraph mark is deleted; nothing else in it is read.
      // Only an element's first child of a name counts, as mammoth's `first` took it.
      case 'paragraph-properties':
        if (name === 'w:pStyle' && !parent.styleSeen) {
          parent.styleSeen = true;
          parent.paragraph.properties.styleId = attributeOf(tag, 'w:val');
        } else if (name === 'w:numPr' && !parent.numberingSeen) {
          parent.numberingSeen = true;
          return { kind: 'numbering', paragraph: parent.paragraph, levelSeen: false, numIdSeen: false };
        } else if (name === 'w:rPr' && !parent.markSeen) {
          parent.markSeen = true;
          return { kind: 'paragraph-mark', paragraph: parent.paragraph };
        }
        return null;
      case 'numbering':
        if (name === 'w:ilvl' && !parent.levelSeen) {
          parent.levelSeen = true;
          parent.paragraph.properties.level = attributeOf(tag, 'w:val');
        } else if (name === 'w:numId' && !parent.numIdSeen) {
          parent.numIdSeen = true;
          parent.paragraph.properties.numId = attributeOf(tag, 'w:val');
        }
        return null;
      case 'paragraph-mark':
        if (name === 'w:del') parent.paragraph.deleted = true;
        return null;
      case 'alternate':
        // Only the first mc:Fallback (VML, read above) is read; the mc:Choice (DrawingML) would repeat its text.
        if (name !== 'mc:Fallback' || parent.fallbackSeen) return null;
        parent.fallbackSeen = true;
        return { kind: 'content', context: parent.context };
      case 'control':
        if (name === 'w:sdtPr' && !parent.propertiesSeen) {
          parent.propertiesSeen = true;
          return { kind: 'control-properties', control: parent };
        }
        if (name === 'w:sdtContent' && !parent.contentSeen) {
          parent.contentSeen = true;
          return { kind: 'content', context: parent.checkbox ? { ...parent.context, checkboxes: parent.checkbox } : parent.context };
        }
        return null;
      case 'control-properties':
        if (name === 'w14:checkbox') parent.control.checkbox ??= { pending: true, outer: parent.control.context.checkboxes };
        return null;
      case 'table':
        return this.contentOf(parent.context, name);
      case 'row':
        if (name !== 'w:trPr') return this.contentOf(parent.context, name);
        if (parent.propertiesSeen) return null;
        parent.propertiesSeen = true;
        return { kind: 'row-properties', row: parent.row, gridBeforeSeen: false };
      case 'row-properties':
        // A deleted row (a tracked change) is left out, as mammoth left it out.
        if (name === 'w:del') parent.row.deleted = true;
        // Cells the row leaves out at its start: its first cell stands under the grid column after them.
        if (name === 'w:gridBefore' && !parent.gridBeforeSeen) {
          parent.gridBeforeSeen = true;
          parent.row.gridBefore = spanOf(attributeOf(tag, 'w:val'), 0);
        }
        return null;
      case 'cell':
        if (name !== 'w:tcPr') return this.contentOf(parent.context, name);
        if (parent.propertiesSeen) return null;
        parent.propertiesSeen = true;
        return { kind: 'cell-properties', cell: parent.cell, spanSeen: false, mergeSeen: false };
      case 'cell-properties':
        if (name === 'w:gridSpan' && !parent.spanSeen) {
          parent.spanSeen = true;
          parent.cell.span = spanOf(attributeOf(tag, 'w:val'), 1);
        } else if (name === 'w:vMerge' && !parent.mergeSeen) {
          parent.mergeSeen = true;
          const value = attributeOf(tag, 'w:val');
          parent.cell.continues = !value || value === 'continue';
        }
        return null;
    }
  }

  /** An element in a paragraph, a run, a cell or the body, read as mammoth read it. */
  private contentOf(context: Context, name: string): Frame | null {
    if (TRANSPARENT.has(name)) return { kind: 'content', context };
    switch (name) {
      case 'w:p':
        return this.paragraphFrame(context);
      case 'w:t':
        return { kind: 'text', context, text: '' };
      case 'w:tab':
        this.emit(context, '\t', false);
        return null;
      // Every break is a new line: mammoth dropped a page or column break (and w:cr), joining the words either side.
      case 'w:br':
      case 'w:cr':
        context.inline?.push(BREAK);
        return null;
      case 'w:noBreakHyphen':
        this.emit(context, '\u2011', true);
        return null;
      case 'w:softHyphen':
        this.emit(context, '\u00AD', true);
        return null;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        this.emit(context, `[${++this.notes}]`, false);
        return null;
      case 'w:pict':
        // A VML text box: its paragraphs come after the paragraph it is anchored in.
        return { kind: 'content', context: context.paragraph ? { ...context, inline: null, blocks: { to: 'extras', paragraph: context.paragraph } } : context };
      case 'mc:AlternateContent':
        return { kind: 'alternate', context, fallbackSeen: false };
      case 'w:sdt':
        return { kind: 'control', context, propertiesSeen: false, contentSeen: false, checkbox: undefined };
      case 'w:tbl':
        return this.tableFrame(context);
      case 'w:tr':
        if (!context.table) return { kind: 'content', context };
        return this.rowFrame(context, context.table);
      case 'w:tc':
        if (!context.row) return { kind: 'content', context };
        return this.cellFrame(context, context.row);
      default:
        // w:del, w:moveFrom, w:instrText, w:drawing (pictures), w:sym (a symbol font's character, which mammoth
        // mapped to Unicode with a table of its own), properties, and anything unknown: none of it is read.
        return null;
    }
  }

  /** Text into the context; `isText` marks what mammoth's checkbox could take the place of. */
  private emit(context: Context, text: string, isText: boolean): void {
    if (isText && text.length > 0) {
      for (let box = context.checkboxes; box; box = box.outer) {
        if (box.pending) {
          box.pending = false;
          return;
        }
      }
    }
    if (text) context.inline?.push(text);
  }

  private add(sink: Sink, block: Block): void {
    switch (sink.to) {
      case 'title':
        this.titleBlock(block);
        break;
      case 'cell': {
        // A cell's text: each paragraph its own line, an empty one a blank line; a table in it line by line.
        const tokens = sink.tokens;
        if (block.kind !== 'table') tokens.push(BREAK);
        append(tokens, block.tokens);
        if (block.kind === 'p' && block.tokens.every((t) => typeof t !== 'string' || !t.trim())) tokens.push(BLANK_LINE);
        if (block.kind !== 'table') tokens.push(BREAK);
        break;
      }
      case 'extras':
        sink.paragraph.extras.push(block);
        break;
      case 'nowhere':
        break;
    }
  }

  private titleBlock(block: Block): void {
    if (block.kind === 'table') this.tableSeen = true;
    if (this.tableSeen || this.heading !== null || block.kind === 'li') return;
    const text = textOf(block.tokens).replace(/\n/g, ' ');
    if (!text) return;
    if (block.kind === 'h') this.heading = text;
    else this.firstParagraph ??= text;
  }

  private paragraphFrame(context: Context): Frame {
    // A deleted paragraph's content opens the next paragraph (and if that one is deleted too, goes on with it).
    const taken = this.pending;
    this.pending = null;
    const paragraph: Paragraph = { properties: {}, deleted: false, tokens: taken?.tokens ?? [], extras: taken?.extras ?? [] };
    return { kind: 'paragraph', context: { ...context, inline: paragraph.tokens, paragraph }, blocks: context.blocks, paragraph, propertiesSeen: false };
  }

  private finishParagraph(paragraph: Paragraph, blocks: Sink): void {
    if (paragraph.deleted) {
      this.pending = { tokens: paragraph.tokens, extras: paragraph.extras };
      return;
    }
    this.add(blocks, { kind: this.styles.kindOf(paragraph.properties), tokens: paragraph.tokens });
    for (const extra of paragraph.extras) this.add(blocks, extra);
  }

  private tableFrame(context: Context): Frame {
    const table: TableBuild = { rows: [], columns: [], tokens: context.inCell ? [BREAK] : null, dropped: false };
    this.tables.push(table);
    return { kind: 'table', blocks: context.blocks, table, context: { inline: null, blocks: NOWHERE, inCell: context.inCell, table, checkboxes: context.checkboxes } };
  }

  private rowFrame(context: Context, table: TableBuild): Frame {
    const row: RowBuild = { cells: [], gridBefore: 0, deleted: false, firstTable: this.tables.length };
    return { kind: 'row', context: { inline: null, blocks: NOWHERE, inCell: context.inCell, row, checkboxes: context.checkboxes }, table, row, propertiesSeen: false };
  }

  private cellFrame(context: Context, row: RowBuild): Frame {
    const cell: CellBuild = { tokens: [], span: 1, continues: false, firstTable: this.tables.length, endTable: this.tables.length };
    row.cells.push(cell);
    return { kind: 'cell', context: { inline: cell.tokens, blocks: { to: 'cell', tokens: cell.tokens }, inCell: true, checkboxes: context.checkboxes }, cell, propertiesSeen: false };
  }

  /** Lays the row's cells on the table's grid, a cell merged down showing the text of the cell it continues. */
  private finishRow(table: TableBuild, row: RowBuild): void {
    if (row.deleted) {
      this.drop(row.firstTable, this.tables.length);
      return;
    }
    const cells: GridCell[] = [];
    table.tokens?.push(BREAK);
    let col = row.gridBefore;
    for (const cell of row.cells) {
      const above = cell.continues ? table.columns[col] : undefined;
      if (above !== undefined) {
        for (let k = 0; k < cell.span; k++) cells[col + k] = { text: k === 0 ? above : '', continued: true };
        // The lower part of a merged cell had no cell of its own in the HTML, nor anything in it.
        this.drop(cell.firstTable, cell.endTable);
      } else {
        const text = textOf(cell.tokens);
        for (let k = 0; k < cell.span; k++) {
          // A cell merged across shows its text once, in its first column, as it reads on the page.
          const own = k === 0 ? text : '';
          cells[col + k] = { text: own, continued: false };
          table.columns[col + k] = own;
        }
        if (table.tokens) {
          table.tokens.push(BREAK);
          append(table.tokens, cell.tokens);
          table.tokens.push(BREAK);
        }
      }
      col += cell.span;
    }
    table.tokens?.push(BREAK);
    table.rows.push({ number: table.rows.length + 1, cells });
  }

  private drop(from: number, to: number): void {
    for (let i = from; i < to; i++) this.tables[i]!.dropped = true;
  }
}
