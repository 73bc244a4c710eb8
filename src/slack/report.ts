import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDate } from '../core/ask/format.js';
import { todayIn } from '../core/dates/today.js';
import { buildBoardPaper } from '../core/report/board-paper.js';
import { readReportDate } from '../core/report/report-date.js';
import { paperToHtml } from '../report/html.js';
import { findChromium, htmlToPdf } from '../report/pdf.js';
import { readPlanHistory } from '../store/plan-history.js';
import type { SlackDeps, WebClient } from './deps.js';

/**
 * `/concerto report [as at …]`: the board paper uploaded to the asker's DM — a PDF when Chromium
 * is installed, else the printable HTML. Returns the sentence to answer the command with.
 */
export async function sendReport(deps: SlackDeps, client: WebClient, userId: string, words: string): Promise<string> {
  const history = await readPlanHistory(deps.services.database.db);
  if (!history) return 'No plan is loaded yet, so there is no paper to send.';
  const today = todayIn(deps.services.clock.now(), deps.services.config.CONCERTO_TIMEZONE ?? history.plan.timeZone);
  const when = readReportDate(words, today);
  if (!when.ok) return when.error;
  if (when.asAt < history.plan.asOf) return `The plan begins on ${formatDate(history.plan.asOf)}, so there is no paper as at ${formatDate(when.asAt)}.`;
  const paper = buildBoardPaper(history, { asAt: when.asAt, producedOn: today });
  const html = paperToHtml(paper);
  const chromium = findChromium();
  const name = `${history.plan.title.replace(/[^\w-]+/g, '-')}-as-at-${when.asAt}`;
  const file = chromium ? await printPdf(html, chromium) : Buffer.from(html, 'utf8');
  const title = `${history.plan.title} — as at ${formatDate(when.asAt)}`;
  try {
    const dm = await client.conversations.open({ users: userId });
    await client.files.uploadV2({ channel_id: dm.channel?.id ?? userId, file, filename: `${name}.${chromium ? 'pdf' : 'html'}`, title, initial_comment: `Here is the board paper as at ${formatDate(when.asAt)}.` } as never);
    return `The board paper as at ${formatDate(when.asAt)} is in your DMs${chromium ? '' : ' (as HTML: open it in a browser and print; PDFs need Chromium on the server)'}.`;
  } catch (err) {
    const reason = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
    return `I couldn't upload the paper to Slack (${reason}). An admin can add the files:write scope, or produce it with \`concerto export --as-of ${when.asAt} --format pdf -o paper.pdf\`.`;
  }
}

async function printPdf(html: string, chromium: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concerto-report-'));
  try {
    const out = path.join(dir, 'paper.pdf');
    await htmlToPdf(html, out, chromium);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
