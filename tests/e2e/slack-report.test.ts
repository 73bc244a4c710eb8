import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/report/pdf.js';
import { NS, startTestApp, type TestApp } from '../helpers/slack-app.js';

/** `/concerto report [as at …]`: the board paper uploaded to the asker's DM. */

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

describe('/concerto report', () => {
  it('uploads the paper as at a date to the asker\'s DM and says where it is', async () => {
    const [first, done] = await report('report as at 4 October 2017');
    expect(first).toBe('Preparing the board paper…');
    expect(done).toMatch(/^The board paper as at 4 Oct 2017 is in your DMs/);
    const opened = await t.fake.waitFor('conversations.open');
    expect(opened.body.users).toBe(NS);
    const completed = await t.fake.waitFor('files.completeUploadExternal');
    expect(completed.body.channel_id).toBe(`D${NS}`);
    const file = completed.files![0]!;
    expect(file.title).toBe('Concerto Action Plan — as at 4 Oct 2017');
    const chromium = findChromium();
    if (process.env.CI && !chromium) throw new Error('CI must install chromium for the PDF');
    if (chromium) {
      expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(path.join(tmpdir(), 'concerto-pdf-'));
      writeFileSync(path.join(dir, 'p.pdf'), file.bytes);
      const text = execFileSync('pdftotext', [path.join(dir, 'p.pdf'), '-']).toString();
      for (const id of ['1.1', '4.2.1', '9.3.1']) expect(text).toContain(id);
    } else {
      expect(file.text).toContain('<html');
    }
  });

  it('refuses a date it cannot read, with examples', async () => {
    const [, answer] = await report('report as at whenever');
    expect(answer).toMatch(/^I can't read "whenever" as a date/);
  });

  it('refuses a date before the plan began', async () => {
    const [, answer] = await report('report as at 1 January 2017');
    expect(answer).toBe('The plan begins on 4 Oct 2017, so there is no paper as at 1 Jan 2017.');
  });
});
