/**
 * A table as a document holds it, before anything is understood: rows of cell texts in reading order.
 * The file readers (src/files/tables/) produce these from .docx, .xlsx, .csv and .pdf; the reader of
 * plans (read-plan-table.ts) decides which table is the plan and what each column means.
 */
export interface SourceTable {
  /** How a person would name it in a message: "table 2", "sheet Tracker", "the PDF's table". */
  name: string;
  rows: SourceRow[];
  /** Set when a line break in a cell may be the column's width rather than the writer's (a PDF): a name may run over two lines. */
  linesWrap?: boolean;
}

export interface SourceRow {
  /** The row as the person finds it in the document (1-based): the sheet's row number, the table's row, the PDF's line. */
  number: number;
  /** Cell texts, left to right; line breaks inside a cell kept as "\n". A merged cell's text is repeated in every row it spans. */
  cells: string[];
  /** Per column: true when this cell is the continuation of a cell merged down from the row above. */
  continued?: boolean[];
  /**
   * Per column, where a line break may be the column's width (a PDF): the text with each break that was only a wrap
   * read as a space. Texts, updates and dates are read from this; owners from `cells`, one name per line.
   */
  flowed?: string[];
}
