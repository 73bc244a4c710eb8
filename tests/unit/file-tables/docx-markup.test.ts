import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
  VerticalMergeType,
  type ISectionOptions,
} from 'docx';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { readDocumentTables } from '../../../src/files/tables/read-document-tables.js';
import { tablesOf } from './helpers.js';
import { zipOf } from './zip-fixture.js';

/**
 * WordprocessingML the reader meets in real plans beyond paragraphs and merged cells (docx.test.ts): tracked
 * changes, breaks and tabs inside a run, nested tables, rows that skip grid columns, text boxes, fields,
 * lists and localised heading styles, and the main part somewhere other than word/document.xml. Documents
 * are written by the `docx` package; what it cannot write (w:gridBefore, mc:AlternateContent, a moved main
 * part) is edited into its XML.
 */

const cell = (...lines: (string | Paragraph | Table)[]) => new TableCell({ children: lines.map((l) => (typeof l === 'string' ? new Paragraph(l) : l)) });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const table = (...rows: TableRow[]) => new Table({ rows });
const docx = (children: ISectionOptions['children'], options: Omit<ConstructorParameters<typeof Document>[0], 'sections'> = {}) =>
  Packer.toBuffer(new Document({ ...options, sections: [{ children }] }));
const revision = { id: 1, author: 'Portfolio Office', date: '2017-10-04T09:00:00Z' };

const read = async (bytes: Buffer) => tablesOf(await readDocumentTables(bytes, 'plan.docx'));
const cellsOf = async (bytes: Buffer) => (await read(bytes)).tables.map((t) => t.rows.map((r) => r.cells));

/** The package's entries, one of them edited or renamed, zipped again (by yazl). */
async function edited(bytes: Buffer, edit: (name: string, text: string) => { name: string; text: string } | null): Promise<Buffer> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const entries: { name: string; data: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    const changed = edit(entry.fileName, data.toString('utf8'));
    entries.push(changed ? { name: changed.name, data: Buffer.from(changed.text) } : { name: entry.fileName, data });
  }
  zip.close();
  return zipOf(entries);
}

const editDocumentXml = (bytes: Buffer, edit: (xml: string) => string) =>
  edited(bytes, (name, text) => (name === 'word/document.xml' ? { name, text: edit(text) } : null));

describe('readDocumentTables: Word markup', () => {
  it('reads tracked changes as accepted: insertions kept; deleted text, a deleted paragraph mark and a deleted row left out', async () => {
    const bytes = await docx([
      table(
        row(cell('Owner'), cell('Update')),
        row(
          cell(new Paragraph({ children: [new TextRun('Karen '), new InsertedTextRun({ text: 'Georgiou', ...revision }), new DeletedTextRun({ text: 'Smith', ...revision })] })),
          // The writer deleted the paragraph mark between two lines: Word shows them as one paragraph.
          cell(new Paragraph({ text: '14.06.17 Decision logs ', run: { deletion: revision } }), new Paragraph('developed')),
        ),
        new TableRow({ children: [cell('Withdrawn'), cell('Row deleted with changes tracked')], deletion: revision }),
        row(cell('Head of ICT'), cell('On track')),
      ),
    ]);
    expect((await read(bytes)).tables[0]!.rows).toEqual([
      { number: 1, cells: ['Owner', 'Update'] },
      { number: 2, cells: ['Karen Georgiou', '14.06.17 Decision logs developed'] },
      { number: 3, cells: ['Head of ICT', 'On track'] },
    ]);
  });

  it('a line break inside a run starts a new line; a tab, and a run of spaces, is one space', async () => {
    const bytes = await docx([
      table(
        row(
          cell(new Paragraph({ children: [new TextRun('Karen Georgiou'), new TextRun({ text: 'Portfolio Office', break: 1 })] })),
          cell(new Paragraph({ children: [new TextRun({ children: ['3.4', new Tab(), 'Audit trail'] })] })),
          cell('  Complete   (see   minutes) '),
        ),
      ),
    ]);
    expect(await cellsOf(bytes)).toEqual([[['Karen Georgiou\nPortfolio Office', '3.4 Audit trail', 'Complete (see minutes)']]]);
  });

  it('a table nested in a cell is a table of its own, numbered in document order, and its text is part of the cell', async () => {
    const milestones = table(row(cell('Q1 2018'), cell('Draft')), row(cell('Q2 2018'), cell('Final')));
    const bytes = await docx([
      table(row(cell('Ref'), cell('Milestones')), row(cell('1.1'), cell('Phases:', milestones, ''))),
      new Paragraph('Key'),
      table(row(cell('RAG'), cell('Red, amber, green'))),
    ]);
    expect(await cellsOf(bytes)).toEqual([
      [
        ['Ref', 'Milestones'],
        ['1.1', 'Phases:\nQ1 2018\nDraft\nQ2 2018\nFinal'],
      ],
      [
        ['Q1 2018', 'Draft'],
        ['Q2 2018', 'Final'],
      ],
      [['RAG', 'Red, amber, green']],
    ]);
  });

  it('cells a row leaves out at its start (w:gridBefore) leave those columns empty, so the rest stay under their headings', async () => {
    const plain = await docx([table(row(cell('Ref'), cell('Owner'), cell('Status')), row(cell('Head of ICT'), cell('On track')))]);
    // The second row's first cell sits under the second grid column, as Word writes a row that skips one.
    const bytes = await editDocumentXml(plain, (xml) => {
      const second = xml.indexOf('<w:tr>', xml.indexOf('<w:tr>') + 1);
      return `${xml.slice(0, second)}<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${xml.slice(second + '<w:tr>'.length)}`;
    });
    expect(await cellsOf(bytes)).toEqual([
      [
        ['Ref', 'Owner', 'Status'],
        ['', 'Head of ICT', 'On track'],
      ],
    ]);
  });

  it('a cell merged down across two columns repeats its text in its first column, both marked continued', async () => {
    const merged = (text: string, merge: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
      new TableCell({ children: [new Paragraph(text)], columnSpan: 2, verticalMerge: merge });
    const bytes = await docx([
      table(row(cell('Ref'), cell('Owner'), cell(''), cell('Status')), row(cell('9.2.1'), merged('PCC’s', VerticalMergeType.RESTART), cell('Open')), row(cell('9.2.2'), merged('', VerticalMergeType.CONTINUE), cell('Closed'))),
    ]);
    expect((await read(bytes)).tables[0]!.rows).toEqual([
      { number: 1, cells: ['Ref', 'Owner', '', 'Status'] },
      { number: 2, cells: ['9.2.1', 'PCC’s', '', 'Open'] },
      { number: 3, cells: ['9.2.2', 'PCC’s', '', 'Closed'], continued: [false, true, true, false] },
    ]);
  });

  it("a text box's text comes after the paragraph it is anchored in, read once: of mc:AlternateContent only the fallback", async () => {
    const note = new Textbox({ style: { width: '100pt', height: '40pt' }, children: [new Paragraph('Board to confirm')] });
    // Word lets a text box sit in a cell; docx's types list only paragraphs and tables there.
    const plain = await docx([table(row(cell('Status'), cell('Complete', note as unknown as Paragraph)))]);
    // docx anchors the box in a paragraph of its own, which is empty: the blank line between entries.
    expect(await cellsOf(plain)).toEqual([[['Status', 'Complete\n\nBoard to confirm']]]);
    // Word writes a text box twice: as DrawingML in mc:Choice and as VML in mc:Fallback.
    const both = await editDocumentXml(plain, (xml) =>
      xml.replace(
        /<w:r><w:pict>[\s\S]*?<\/w:pict><\/w:r>/,
        (pict) => `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>Board to confirm</w:t></w:r></mc:Choice><mc:Fallback>${pict}</mc:Fallback></mc:AlternateContent>`,
      ),
    );
    expect(both.toString('latin1')).not.toEqual(plain.toString('latin1'));
    expect(await cellsOf(both)).toEqual([[['Status', 'Complete\n\nBoard to confirm']]]);
  });

  it("a field's result is read, its code is not", async () => {
    const bytes = await docx([
      table(
        row(
          cell(new Paragraph({ children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] })),
          cell(new Paragraph({ children: [new SimpleField('DATE \\@ "d MMMM yyyy"', '4 October 2017')] })),
        ),
      ),
    ]);
    expect(await cellsOf(bytes)).toEqual([[['Page', '4 October 2017']]]);
  });

  it('the title: a list item above the table is not taken for it; a heading is known by its style name, as a localised Word writes it', async () => {
    const list = await docx([new Paragraph({ text: 'Recommendations 2 and 8 closed', bullet: { level: 0 } }), new Paragraph('Audit actions 2018'), table(row(cell('Ref'), cell('Action')))]);
    expect((await read(list)).title).toBe('Audit actions 2018');

    // A German Word gives Heading 1 the id "berschrift1"; its name is still "heading 1".
    const heading = await docx([new Paragraph('Stand: 4. Oktober 2017'), new Paragraph({ text: 'Aktionsplan', style: 'berschrift1' }), table(row(cell('Nr.'), cell('Maßnahme')))], {
      styles: { paragraphStyles: [{ id: 'berschrift1', name: 'heading 1', basedOn: 'Normal', run: { bold: true } }] },
    });
    expect((await read(heading)).title).toBe('Aktionsplan');
  });

  it('finds the main document where the package says it is, not only at word/document.xml', async () => {
    const plain = await docx([new Paragraph({ text: 'Action plan', heading: HeadingLevel.HEADING_1 }), table(row(cell('Ref'), cell('Owner')))]);
    const moved = await edited(plain, (name, text) => {
      if (name === 'word/document.xml') return { name: 'word/plan.xml', text };
      if (name === 'word/_rels/document.xml.rels') return { name: 'word/_rels/plan.xml.rels', text };
      if (name === '_rels/.rels' || name === '[Content_Types].xml') return { name, text: text.replace(/\/?word\/document\.xml/g, (m) => m.replace('document', 'plan')) };
      return null;
    });
    const reading = await read(moved);
    expect(reading.title).toBe('Action plan');
    expect(reading.tables.map((t) => t.rows.map((r) => r.cells))).toEqual([[['Ref', 'Owner']]]);
  });

  it('refuses as damaged a document part with no body, or XML that does not parse; an element of an undeclared prefix is only skipped', async () => {
    const plain = await docx([table(row(cell('Ref'), cell('Owner')))]);
    const damaged = 'plan.docx is damaged and could not be read as a Word document; open it in Word and save it again.';
    const noBody = await editDocumentXml(plain, (xml) => xml.replace(/<w:body>[\s\S]*<\/w:body>/, ''));
    expect(await readDocumentTables(noBody, 'plan.docx')).toEqual({ ok: false, error: damaged });
    const mismatched = await editDocumentXml(plain, (xml) => xml.replace('</w:tbl>', '</w:tr></w:tbl>'));
    expect(await readDocumentTables(mismatched, 'plan.docx')).toEqual({ ok: false, error: damaged });
    const unbound = await editDocumentXml(plain, (xml) => xml.replace('<w:body>', '<w:body><x:p><w:r><w:t>Not read</w:t></w:r></x:p>'));
    expect(await cellsOf(unbound)).toEqual([[['Ref', 'Owner']]]);
  });
});
