import { formatDate } from '../format.js';
import { findMeetingMention } from '../../report/meeting-paper.js';
import { readPaperRequest } from '../../report/paper-request.js';
import { addDaysIso } from '../../reminders/local-time.js';
import type { Turn } from '../context.js';
import { say, type Reply } from '../reply.js';

/**
 * "send me the board paper as at 1 March in Excel": the request read and checked here, so a bad date is
 * refused the same way everywhere. The file itself is made by the front end that can deliver one
 * (Slack sends it by DM, from `reply.paper`); the words say how to get it from the terminal.
 */
export async function answerPaper(turn: Turn, words: string): Promise<Reply> {
  const plan = await turn.store.plan();
  if (!plan) return say('No plan is loaded yet, so there is no paper to make.', { error: 'no_plan' });
  const key = turn.plan.key;
  const boards = [...new Set((await turn.governance.meetings()).map((m) => m.board))];
  const meeting = findMeetingMention(words, boards);
  if (meeting) {
    // A meeting's paper takes its dates from the meeting; the front end finds it (and says when there is none).
    const text = `The paper for ${meeting.meeting} is a file: in Slack I send it to your DMs; in the terminal, \`concerto export --plan ${key} --meeting "${meeting.meeting}" --format pdf -o paper.pdf\`.`;
    return say(text, { paper: { plan: key, words } });
  }
  const asked = readPaperRequest(words, turn.today, plan.asOf);
  if (!asked.ok) return say(asked.error, { error: 'unreadable_date' });
  const { format, asAt, since } = asked.request;
  const changes = since ? `, with what changed since ${formatDate(addDaysIso(since, 1))}` : '';
  const command = `concerto export --plan ${key} --format ${format} --as-of ${asAt}${since ? ` --since ${since}` : ''} -o paper.${format}`;
  return say(`The board paper as at ${formatDate(asAt)}${changes} is a file (${format.toUpperCase()}): in Slack I send it to your DMs; in the terminal, \`${command}\`.`, {
    paper: { plan: key, words, request: asked.request },
  });
}
