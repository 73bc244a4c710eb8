import { csvParseRows } from 'd3-dsv';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { pdfText } from '../helpers/pdf-text.js';

/** `/concerto report [format] [as at …] [since …]`: the board paper uploaded to the asker's DM, read back by readers we did not write. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

async function report(text: string): Promise<string[]> {
  const res = await t.client.command({ text, user_id: NS });
  expect(res.status).toBe(200);
  const id = res.response_url.split('/').at(-1)!;
  const deadline = Date.now() + 60_000;
  while (t.fake.responses(id).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return t.fake.responses(id).map((r) => String(r.text));
}

/** The file the last upload completed, with its title and bytes. */
async function uploaded(after: number) {
  const completed = await t.fake.waitFor('files.completeUploadExternal', (c) => t.fake.calls.indexOf(c) >= after, 60_000);
  expect(completed.body.channel_id).toBe(`D${NS}`);
  return { ...completed.files![0]!, comment: String(completed.body.initial_comment) };
}

describe('/concerto report', () => {
  it('sends a PDF by default: the paper as at a date, in the asker’s DM, every id in its text', async () => {
    const from = t.fake.calls.length;
    const [first, done] = await report('report as at 4 October 2017');
    expect(first).toBe('Preparing the board paper…');
    expect(done).toBe('The board paper as at 4 Oct 2017 (PDF) is in your DMs.');
    expect((await t.fake.waitFor('conversations.open')).body.users).toBe(NS);
    const file = await uploaded(from);
    expect(file.title).toBe('Concerto Action Plan — as at 4 Oct 2017');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file.bytes);
    for (const id of ['1.1', '3.4', '4.2.1', '9.2.4', '9.3.1']) expect(text).toContain(id);
  });

  it('sends Excel when asked, with what changed since a date', async () => {
    const from = t.fake.calls.length;
    const [, done] = await report('report xlsx as at 4 October 2017 since 1 October 2017');
    expect(done).toBe('The board paper as at 4 Oct 2017, with what changed since 1 Oct 2017 (XLSX) is in your DMs.');
    const file = await uploaded(from);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Action plan', 'Changes']);
    expect(book.getWorksheet('Action plan')!.actualRowCount).toBe(31);
  });

  it('sends a Word document when asked "as a Word document": every item in it, to a reader we did not write', async () => {
    const from = t.fake.calls.length;
    const [, done] = await report('report as a Word document as at 4 October 2017');
    expect(done).toBe('The board paper as at 4 Oct 2017 (DOCX) is in your DMs.');
    const file = await uploaded(from);
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: file.bytes });
    for (const id of ['1.1', '3.4', '4.2.1', '9.2.4', '9.3.1']) expect(value).toContain(`${id}: `);
  });

  it('sends CSV when asked: 30 records and a header to a strict reader', async () => {
    const from = t.fake.calls.length;
    await report('report csv as at 4 October 2017');
    const file = await uploaded(from);
    expect(csvParseRows(file.text.replace(/^\uFEFF/, ''))).toHaveLength(31);
  });

  it.each([
    ['report as at whenever', /^I can't read "whenever" as a date/],
    ['report as at 1 January 2017', /^The plan begins on 4 October 2017 \(its own date\), so there is no paper as at 1 January 2017\./],
    ['report as at 25 December 2017', /^25 December 2017 has not happened yet/],
  ])('%j is refused with a sentence, and nothing is uploaded', async (words, answer) => {
    const from = t.fake.calls.length;
    const [, said] = await report(words);
    expect(said).toMatch(answer);
    expect(t.fake.calls.slice(from).some((c) => c.method === 'files.completeUploadExternal')).toBe(false);
  });
});

describe('the board paper asked for in words', () => {
  const DM = `D${NS}`;

  it('a DM "send me the board paper … in Excel" uploads the workbook to the DM and says so there', async () => {
    const from = t.fake.calls.length;
    await t.client.event(t.client.directMessage({ user: NS, text: 'could you send me the board paper as at 4 October 2017 in Excel please?', channel: DM }));
    const file = await uploaded(from);
    expect(file.title).toBe('Concerto Action Plan — as at 4 Oct 2017');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as never);
    expect(book.getWorksheet('Action plan')!.actualRowCount).toBe(31);
    const said = await t.fake.waitFor('chat.postMessage', (c) => t.fake.calls.indexOf(c) >= from && c.body.channel === DM, 10_000);
    expect(said.body.text).toBe('The board paper as at 4 Oct 2017 (XLSX) is in your DMs.');
  });

  it('an @mention in a channel sends the paper to the asker’s DM and answers in the thread', async () => {
    const from = t.fake.calls.length;
    await t.client.event(t.client.appMention({ user: NS, text: '<@U0CONCERTO1> give me the report as at 4 October 2017', channel: 'C0PLANS01', ts: '1700000100.000200' }));
    const file = await uploaded(from);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const said = await t.fake.waitFor('chat.postMessage', (c) => t.fake.calls.indexOf(c) >= from && c.body.channel === 'C0PLANS01', 10_000);
    expect(said.body).toMatchObject({ thread_ts: '1700000100.000200', text: 'The board paper as at 4 Oct 2017 (PDF) is in your DMs.' });
  });

  it('a date the paper cannot have is refused in words, and nothing is uploaded', async () => {
    const from = t.fake.calls.length;
    await t.client.event(t.client.directMessage({ user: NS, text: 'board paper as at 1 January 2017', channel: DM }));
    const said = await t.fake.waitFor('chat.postMessage', (c) => t.fake.calls.indexOf(c) >= from && c.body.channel === DM, 10_000);
    expect(said.body.text).toMatch(/^The plan begins on 4 October 2017 \(its own date\), so there is no paper as at 1 January 2017\./);
    expect(t.fake.calls.slice(from).some((c) => c.method === 'files.completeUploadExternal')).toBe(false);
  });
});
