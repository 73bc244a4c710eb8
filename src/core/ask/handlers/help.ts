import { say, type Reply } from '../reply.js';

/** The grammar, in the words people type. The same text serves `/concerto help` and the console. */
const GENERAL = [
  'Ask me about the action plan, or change an item you own:',
  '• `what\'s overdue?` · `what\'s due before Christmas?` · `due next month` · `mine` · `what does Karen own?`',
  '• `status 4.2.1` · `who owns 9.3.1?` · `history 4.2.1` · `list ICT` · `list awaiting decision`',
  '• `how are we doing?` · `what\'s the RAG for ICT?` · `which items are red?` · `which items mention ERP?`',
  '• `update 4.2.1` (I ask for the update, status and date) or `update 4.2.1 <text>`',
  '• `complete 4.2.1 <evidence>` · `reopen 4.2.1` · `date 4.2.1 end of next month` · `when "Q1 2018"`',
  '• admins: `assign 4.2.1 <owner>, <owner>` · `add 9.4.1 <text>; theme: <theme>; owner: <owner>; due: <when>` · `chase 4.1.1 <note>` · `priority 4.2.1 High`',
  '• boards: `boards` · `meetings` · `decisions SAS since October` · `awaiting 1.1 "<what>" from SAS` · admins: `board add` · `meeting add` · `decision` (`help decision`)',
  '• `report` — the board paper, as a PDF in your DMs (`help report` for Excel, CSV and other dates)',
  'Type `help <command>` for more on one of them, `help questions` for the ways to ask, `help rag` for the colours.',
];

const TOPICS: Record<string, string> = {
  update:
    '`update 4.2.1` starts a short conversation: your update, then whether the status changes, then whether the delivery date moves (I echo how I read it and ask you to confirm). Answer `skip` to leave a step out, `back` to redo the previous step, `cancel` to stop without saving. `update 4.2.1 <text>` records the text straight away.',
  complete: '`complete 4.2.1 <evidence or link>` marks an item complete and records the evidence; `complete 4.2.1 yesterday` (or "4.2.1 was completed on 5 December") records when it was done instead. `reopen 4.2.1 <reason>` puts it back to On-going. On a plan with sign-off on, an owner\'s complete is a proposal: a plan admin answers `sign off 4.2.1` or `return 4.2.1 "reason"`.',
  date: '`date 4.2.1 <when>` revises the delivery date; the first date is kept as the baseline. I read phrases such as "31/03/2018", "March 2018", "end of next month", "Q1 2018", "autumn 2017", "2018/19", "by end 2017", "with immediate effect" and "TBC". `extend 4.2.1 by two months` (or "push 4.2.1 back by 6 weeks") moves the date it has on. `when <phrase>` shows how I would read one.',
  overdue: '`overdue` (or "what\'s overdue?") lists open items whose whole delivery window has passed. Add an owner: "anything late for the Portfolio Office?", or "what\'s overdue for me?".',
  due: '`due <when>` lists open items due in that window: "due this month", "due in Q1 2018". "due before Christmas" and "due by end of year" count from today.',
  list: '`list` shows the whole plan; `list <theme | owner | status | RAG colour>` narrows it: `list ICT`, `list Karen`, `list not being implemented`, `list red`; `list 4.2` or `list section 4` shows the items numbered under a heading. "which items mention ERP?" finds words in the items\' text; "how are we doing?" or "summary for ICT" gives the counts by status and RAG instead of the list.',
  status: '`status 4.2.1` shows an item: owners, status, delivery date as written and as read, and the latest updates. `status 4.2.1 awaiting decision` changes its status (owners and admins).',
  history: '`history 4.2.1` shows every recorded change: who, when, through which door, before and after — with the baseline delivery date.',
  mine: '`mine` lists the items you own, directly or through a role you are linked to.',
  assign:
    'Admins: `assign 4.2.1 Karen Georgiou, Portfolio Office` replaces the owners of an item; `reassign 4.2.1 from Shackleton to Karen`, `add Portfolio Office as an owner of 4.2.1` and `take Karen off 4.2.1` change one and keep the others. In Slack, a mention (@Karen) is the owner that person is linked to.',
  priority:
    'Admins: `priority 4.2.1 High` (or "set the priority of 4.2.1 to high") gives an item a priority, kept as written and in the plan\'s own spelling of one it already uses; `priority 4.2.1 none` clears it. A document\'s Priority column gives them on import. Ask "list high priority", "what high-priority items are overdue?" or "open items by priority".',
  chase: 'Admins: `chase 4.1.1 <note>` (or "remind Rachel about 4.1.1", "ask the owner of 4.1.1 for an update") sends each person linked to an owner of the item a nudge now, naming you and quoting your note, with the buttons to post an update. A closed item is not chased; an owner linked to no one is named.',
  snooze:
    'Your own nudges about an item you own, in Slack: `snooze 4.1.1` (a week), `snooze 4.1.1 for two weeks` or `until 1 March`; `stop nudging me about 4.1.1` stops them until the item is re-dated or reopened; `resume reminders for 4.1.1` brings them back. The buttons on a nudge do the same.',
  add: 'Admins: `add 9.4.1 <recommendation text>; theme: Governance; owner: Portfolio Office; due: end of March 2018; status: not started`.',
  when: '`when <phrase>` shows how a delivery date phrase is read today, e.g. `when end of next month`.',
  boards: '`boards` lists the plan\'s boards; admins add one with `board add SAS --title "Strategic Alliance Summit"`.',
  meetings:
    '`meetings` (or `meetings SAS`) lists meetings with their paper deadlines, upcoming first, then past; "when is the next SAS?" answers with the next one. Admins: `meeting add SAS 2017-10-12` (or "next Thursday"; one day), papers due five working days before unless `--papers-by DATE`.',
  decision:
    'Admins: `decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6, 4.0.1` records a decision of SAS at its meeting that day (add the meeting first; without quotes, the day first and the words up to \`affects\`); `decision SAS on 2017-10-12 "…"` records one taken outside a meeting. Decisions are never changed: `--corrects N` records a new one that supersedes decision N, and `correct decision N "…"` does it on N\'s board and day (with N\'s items unless you add `affects …`); `correct the date of decision N to 12 October 2017` (or "decision N was on 12 October, not 10 October") records it on the right day. Each affected item\'s `history` shows it. In Slack, `/concerto decision` alone opens a form for it, and `/concerto meeting add` alone one for a meeting.',
  'sign-off':
    'On a plan with sign-off on (`plan set KEY --sign-off on`), an owner\'s `complete` is a proposal. "what\'s awaiting sign-off?" lists them; admins answer with `sign off 4.2.1` or `return 4.2.1 "the reason"` (or the buttons in their DM and App Home).',
  decisions: '`decisions` lists the decision log, oldest first, with numbers and corrections; narrow it with a board, an item and a day: `decisions SAS since 1 October 2017`, or ask "what did SAS decide in October?", "what was decided about 4.3.1?".',
  awaiting:
    '`awaiting 1.1 "agreement of new governance framework" from SAS` sets 1.1 to Awaiting decision and records what it waits on (its owners or an admin). Moving it to another status clears it.',
  rag:
    'Items are rated as the board paper rates them: red when overdue (or awaiting a decision past its date), amber when due within 30 days or re-dated more than once, green when on track or complete, grey when not being implemented. Ask "which items are red?", "what\'s at risk?" (red or amber), "what\'s the RAG for ICT?" or "how are we doing?" for the counts.',
  questions:
    'Ask as you would ask a colleague; I read the owner, theme, status, RAG colour, dates, "as at", "since" and counts wherever they are in the sentence: "what\'s overdue for Karen in ICT?", "how many items are complete?", "what was completed in December?", "who has the most overdue items?", "which items mention ERP?", "what\'s coming up?", "what did SAS decide in October?", "what\'s overdue for ICT or HR?", "what\'s overdue by more than 3 months?", "which items have no date?", "when is 4.2.1 due?", "status of 4.2.1 and 4.2.2", "what\'s overdue in section 9?", "what needs a decision?", "what did Karen say last week?", "my updates". The first line of every list says how I read the question.',
  report:
    'In Slack, `/concerto report` sends the board paper to your DMs as a PDF. Name a format (`pdf`, `xlsx`, `docx` for Word, `csv`, `html`, `md`, `json`), a date (`as at 30 September 2017`; today when left out) and what changed (`since 1 September 2017`), in any order: `/concerto report xlsx as at 30 September 2017 since 1 September 2017`. In the terminal: `concerto export --format pdf --as-of 2017-09-30 --since 2017-08-31 -o paper.pdf`.',
};

export function answerHelp(topic: string | null): Reply {
  const key = topic?.toLowerCase().trim().split(/\s+/)[0];
  const alias: Record<string, string> = {
    board: 'boards',
    meeting: 'meetings',
    signoff: 'sign-off',
    sign: 'sign-off',
    proposals: 'sign-off',
    summary: 'rag',
    colours: 'rag',
    colors: 'rag',
    question: 'questions',
    asking: 'questions',
  };
  const found = key ? TOPICS[alias[key] ?? key] : undefined;
  if (found) return say(found);
  return say(GENERAL.join('\n'));
}

export function notUnderstood(reason: string | null): Reply {
  const hint = 'Try `what\'s overdue?`, `status 4.2.1`, `update 4.2.1`, `mine` or `help`.';
  return say(reason ? `${reason} ${hint}` : `Sorry, I didn't understand that. ${hint}`, { error: 'not_understood' });
}

/** Thanks, a greeting, a goodbye or an "ok", answered in kind; a greeting gets what the bot can do. */
export function answerChat(says: 'thanks' | 'hello' | 'bye' | 'ack'): Reply {
  if (says === 'hello') return say(['Hello!', ...GENERAL].join('\n'));
  return say(says === 'thanks' ? "You're welcome." : says === 'bye' ? 'Bye for now.' : 'OK.');
}
