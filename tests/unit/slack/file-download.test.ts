import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadSharedFile, trustedFileUrl } from '../../../src/slack/file-download.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

/** Downloading a file a person sent, against the fake Slack, which serves files only to a bearer token. */

const SCOPE = "Slack did not let me read the file: the app needs the `files:read` scope. An admin can reinstall Concerto from manifest.yml to grant it, then send the file again.";
let fake: FakeSlack;
let client: WebClient;
const options = (o: Partial<Parameters<typeof downloadSharedFile>[2]> = {}) => ({ token: 'xoxb-test', maxBytes: 1024, apiUrl: fake.url, ...o });

beforeAll(async () => {
  fake = await startFakeSlack();
  client = new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
});
afterAll(async () => fake?.close());

describe('downloadSharedFile', () => {
  it('downloads with the bot token', async () => {
    const file = fake.hostFile({ name: 'plan.csv', bytes: Buffer.from('Ref,Action\n1.1,Do it\n'), user: 'U0ALICE01' });
    const got = await downloadSharedFile(client, file, options());
    expect(got).toEqual({ ok: true, name: 'plan.csv', bytes: Buffer.from('Ref,Action\n1.1,Do it\n') });
    expect(fake.callsTo('file_download').at(-1)).toMatchObject({ id: file.id, token: 'xoxb-test' });
  });

  it("reads Slack's sign-in page (what a token without files:read gets) as a missing scope, never as the document", async () => {
    const file = fake.hostFile({ name: 'plan.docx', bytes: Buffer.from('PK'), user: 'U0ALICE01' });
    expect(await downloadSharedFile(client, file, options({ token: '' }))).toEqual({ ok: false, error: SCOPE });
  });

  it('refuses a file over the limit from the size Slack gives, without downloading it, and one that turns out bigger as it streams', async () => {
    const before = fake.callsTo('file_download').length;
    const claimed = fake.hostFile({ name: 'big.xlsx', bytes: Buffer.alloc(10), user: 'U0ALICE01', size: 4 * 2 ** 20 });
    expect(await downloadSharedFile(client, claimed, options({ maxBytes: 2 ** 20 }))).toEqual({ ok: false, error: "big.xlsx is 4 MB, over the 1 MB limit on a document Concerto reads. Send the plan's table on its own, or split it." });
    expect(fake.callsTo('file_download')).toHaveLength(before);
    const lying = fake.hostFile({ name: 'lying.xlsx', bytes: Buffer.alloc(3 * 2 ** 20), user: 'U0ALICE01', size: 100 });
    expect(await downloadSharedFile(client, lying, options({ maxBytes: 2 ** 20 }))).toEqual({ ok: false, error: "lying.xlsx is over the 1 MB limit on a document Concerto reads. Send the plan's table on its own, or split it." });
  });

  it('looks a file up with files.info when Slack sent only its id, and says so when it is gone', async () => {
    const file = fake.hostFile({ name: 'checked.csv', bytes: Buffer.from('a,b\n'), user: 'U0ALICE01' });
    expect(await downloadSharedFile(client, { id: file.id, file_access: 'check_file_info' }, options())).toMatchObject({ ok: true, name: 'checked.csv' });
    expect(await downloadSharedFile(client, { id: 'F0GONE0001', file_access: 'check_file_info' }, options())).toEqual({ ok: false, error: "I can't see that file any more (it may have been deleted). Send it again." });
  });

  it('never sends the token anywhere but Slack, and refuses files kept outside Slack', async () => {
    const before = fake.calls.length;
    expect(await downloadSharedFile(client, { id: 'F0EVIL0001', name: 'x.docx', size: 10, url_private_download: 'https://evil.example/x.docx' }, options())).toMatchObject({ ok: false });
    expect(await downloadSharedFile(client, { id: 'F0EXT00001', name: 'x.docx', mode: 'external', is_external: true, url_private: 'https://docs.google.com/x' }, options())).toEqual({
      ok: false,
      error: 'x.docx is stored outside Slack (e.g. Google Drive or OneDrive), so I can\'t read it. Download it and send it to me as a file.',
    });
    expect(fake.calls.length).toBe(before);
    expect(trustedFileUrl('https://files.slack.com/files-pri/T1-F1/download/x.docx', null)).toBe(true);
    expect(trustedFileUrl('http://files.slack.com/files-pri/T1-F1/x.docx', null)).toBe(false);
    expect(trustedFileUrl('https://files.slack.com.evil.example/x', null)).toBe(false);
    expect(trustedFileUrl(`${fake.origin}/files-pri/T1-F1/x`, null)).toBe(false);
    expect(trustedFileUrl(`${fake.origin}/files-pri/T1-F1/x`, fake.url)).toBe(true);
  });

  it('says what to do when Slack answers with an error status', async () => {
    const file = fake.hostFile({ name: 'flaky.csv', bytes: Buffer.from('a\n'), user: 'U0ALICE01' });
    fake.failNext('file_download', { status: 503 });
    expect(await downloadSharedFile(client, file, options())).toEqual({ ok: false, error: 'Slack would not give me flaky.csv (HTTP 503). Send it again in a minute.' });
  });
});
