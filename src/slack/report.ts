import { formatDate } from '../core/ask/format.js';
import { todayIn } from '../core/dates/today.js';
import { addDaysIso } from '../core/reminders/local-time.js';
import { buildBoardPaper, type PaperOptions } from '../core/report/board-paper.js';
import { findMeetingMention, meetingPaper } from '../core/report/meeting-paper.js';
import { checkPaperDates, readPaperRequest } from '../core/report/paper-request.js';
import { renderPaper } from '../report/render.js';
import { readPlanHistory } from '../store/plan-history.js';
import type { SlackDeps, WebClient } from './deps.js';
import { startTurn } from '../core/ask/ask.js';
import { findPlanByTitle, findPlanMention } from '../core/ask/intents/plan-mention.js';
import { unknownPlanMessage } from '../core/plan/plan-key.js';
import { slackContext, slackViewer } from './identity.js';
import type { Reply } from '../core/ask/reply.js';

/**
 * `/concerto report [pdf|xlsx|docx|csv|html|md|json] [as at …] [since …]`: the board paper uploaded to the
 * asker's DM, a PDF unless another format is named. Returns the sentence to answer the command with.
 */
export async function sendReport(deps: SlackDeps, client: WebClient, userId: string, words: string, channel?: string): Promise<string> {
  // "report in audit-2018 as at 1 March", or the plan of the channel, the person, or the only one.
  const all = await deps.services.plans.list();
  const keyed = findPlanMention(words, all.map((p) => p.key));
  const mention = keyed.kind === 'none' ? findPlanByTitle(words, all) : keyed;
  if (mention.kind === 'unknown') return unknownPlanMessage(mention.key, all.map((p) => p.key));
  const viewer = await slackViewer(deps, userId);
  const turn = await startTurn(slackContext(deps, viewer, `slack:${userId}:report`, channel ? { channel } : {}), mention.kind === 'plan' ? mention.key : undefined);
  if ('awaiting' in turn) return `${turn.text.replace(/ \(or `cancel`.*\)$/, '')}. Name it: \`/concerto report in ${all[0]?.key ?? 'KEY'}\`.`;
  words = mention.kind === 'plan' ? mention.text : words;
  const history = await readPlanHistory(deps.services.database.db, turn.plan.id);
  if (!history) return 'No plan is loaded yet, so there is no paper to send.';
  const today = todayIn(deps.services.clock.now(), deps.services.config.CONCERTO_TIMEZONE ?? history.plan.timeZone);
  // "report for the next SAS", "report SAS 2017-10-12 as xlsx": the paper for that meeting.
  const named = findMeetingMention(words, [...new Set((history.meetings ?? []).map((m) => m.board))]);
  const asked = readPaperRequest(named ? named.rest : words, today, history.plan.asOf);
  if (!asked.ok) return asked.error;
  let { asAt, since } = asked.request;
  const { format } = asked.request;
  let forMeeting: Pick<PaperOptions, 'meeting' | 'decisionsAfter'> = {};
  if (named) {
    if (since !== null || asAt !== today) return 'A meeting’s paper is as at its papers-by day, with what changed since the board’s previous meeting, so it takes no other date: ask for `report for the next SAS`, or `report as at …` without a meeting.';
    const found = meetingPaper(named.meeting, history.meetings ?? [], today);
    if (!found.ok) return found.error;
    ({ asAt, since } = found.dates);
    forMeeting = { meeting: found.dates.meeting, decisionsAfter: found.dates.decisionsAfter };
    const problem = checkPaperDates({ asAt, since }, today, history.plan.asOf);
    if (problem) return problem;
  }
  const paper = buildBoardPaper(history, { asAt, producedOn: today, since, ...forMeeting });
  const file = await renderPaper(paper, format);
  const name = `${history.plan.title.replace(/[^\w-]+/g, '-')}-as-at-${asAt}.${format}`;
  // `since` is the last day before the changes; people asked for changes from the day after it.
  const m = forMeeting.meeting;
  const changes = `${m ? ` for ${m.board} ${formatDate(m.date)}` : ''}${since ? `, with what changed since ${formatDate(addDaysIso(since, 1))}` : ''}`;
  try {
    const dm = await client.conversations.open({ users: userId });
    await client.files.uploadV2({
      channel_id: dm.channel?.id ?? userId,
      file: typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(file),
      filename: name,
      title: `${history.plan.title} — as at ${formatDate(asAt)}`,
      initial_comment: `Here is the board paper as at ${formatDate(asAt)}${changes}.`,
    } as never);
    return `The board paper as at ${formatDate(asAt)}${changes} (${format.toUpperCase()}) is in your DMs.`;
  } catch (err) {
    const reason = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
    return `I couldn't upload the paper to Slack (${reason}). An admin can add the files:write scope, or produce it with \`concerto export --as-of ${asAt} --format ${format} -o paper.${format}\`.`;
  }
}

/**
 * A reply that asked for the paper in words ("send me the board paper as at 1 March"): the paper made
 * and sent as `/concerto report` sends it, in the plan the question was answered in. Null for any other reply.
 */
export async function deliverAskedPaper(deps: SlackDeps, client: WebClient, userId: string, reply: Reply, channel?: string): Promise<string | null> {
  if (!reply.paper || reply.error) return null;
  return sendReport(deps, client, userId, `${reply.paper.words} in ${reply.paper.plan}`, channel);
}
