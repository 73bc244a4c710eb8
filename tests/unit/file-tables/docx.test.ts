import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocumentTables } from '../../../src/files/tables/read-document-tables.js';
import { tablesOf } from './helpers.js';

/** A Word cell: one paragraph per line given, as a person types them. */
function cell(lines: string | string[], options: { rows?: number; columns?: number; merge?: 'restart' | 'continue' } = {}): TableCell {
  return new TableCell({
    children: (Array.isArray(lines) ? lines : [lines]).map((text) => new Paragraph(text)),
    ...(options.columns ? { columnSpan: options.columns } : {}),
    ...(options.merge ? { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

const row = (...cells: TableCell[]) => new TableRow({ children: cells });

/** The seed's layout: a title, then a table with section rows and an owner cell merged down over 9.2.1–9.2.2. */
async function seedLikeDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'BCH Collaboration — Action Plan', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Updated 4 October 2017'),
          new Table({
            rows: [
              row(cell('Recommendation No'), cell('Owner'), cell('Update'), cell('Delivery Date')),
              row(cell('Governance', { columns: 4 })),
              row(cell('3.4: BCH should implement a clear audit trail'), cell(['Karen Georgiou', 'Portfolio Office']), cell(['14.06.17 COMPLETE – SAS and JCOB Decision Logs developed', '']), cell('Complete')),
              row(cell('ICT', { columns: 4 })),
              row(cell('9.2.1: ICT should publish a roadmap'), cell('Head of ICT', { merge: 'restart' }), cell('On track'), cell('March 2018')),
              row(cell('9.2.2: ICT should review its contracts'), cell('', { merge: 'continue' }), cell(''), cell('See 9.2.1 above')),
              row(cell(''), cell(''), cell(''), cell('')),
            ],
          }),
          new Paragraph({ children: [new TextRun('Second table, as a plan appendix has.')] }),
          new Table({ rows: [row(cell('Key'), cell('Meaning')), row(cell('RAG'), cell('Red, amber, green'))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('readDocumentTables: Word', () => {
  it('reads every table, paragraphs in a cell as lines, a merged owner repeated with continued, section rows as one cell', async () => {
    const reading = await tablesOf(await readDocumentTables(await seedLikeDocx(), 'plan.docx'));
    expect(reading.kind).toBe('docx');
    expect(reading.title).toBe('BCH Collaboration — Action Plan');
    expect(reading.warnings).toEqual([]);
    expect(reading.tables).toEqual([
      {
        name: 'table 1',
        rows: [
          { number: 1, cells: ['Recommendation No', 'Owner', 'Update', 'Delivery Date'] },
          { number: 2, cells: ['Governance', '', '', ''] },
          { number: 3, cells: ['3.4: BCH should implement a clear audit trail', 'Karen Georgiou\nPortfolio Office', '14.06.17 COMPLETE – SAS and JCOB Decision Logs developed', 'Complete'] },
          { number: 4, cells: ['ICT', '', '', ''] },
          { number: 5, cells: ['9.2.1: ICT should publish a roadmap', 'Head of ICT', 'On track', 'March 2018'] },
          { number: 6, cells: ['9.2.2: ICT should review its contracts', 'Head of ICT', '', 'See 9.2.1 above'], continued: [false, true, false, false] },
        ],
      },
      {
        name: 'table 2',
        rows: [
          { number: 1, cells: ['Key', 'Meaning'] },
          { number: 2, cells: ['RAG', 'Red, amber, green'] },
        ],
      },
    ]);
  });

  it('takes the first paragraph as the title when no heading comes before the table', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph(''), new Paragraph('Audit actions 2018'), new Table({ rows: [row(cell('Ref'), cell('Action'))] }), new Paragraph({ text: 'Later heading', heading: HeadingLevel.HEADING_1 })] }] });
    const reading = await tablesOf(await readDocumentTables(await Packer.toBuffer(doc), 'audit.docx'));
    expect(reading.title).toBe('Audit actions 2018');
    expect(reading.tables).toEqual([{ name: 'table 1', rows: [{ number: 1, cells: ['Ref', 'Action'] }] }]);
  });

  it('refuses a document with no table', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Minutes of the board'), new Paragraph('No actions this month.')] }] });
    expect(await readDocumentTables(await Packer.toBuffer(doc), 'minutes.docx')).toEqual({
      ok: false,
      error: 'minutes.docx has no table: Concerto reads a plan from a table in the document.',
    });
  });
});
