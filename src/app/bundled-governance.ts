import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultPapersBy } from '../core/governance/meeting.js';
import type { ChangeMeta, GovernanceStore, PlanInfo, PlanStore } from '../core/ports.js';
import { StoreError } from '../store/store-error.js';

/**
 * The boards, meetings, decisions and waits that the bundled plan's own text records (the seed's
 * "decision made by extraordinary JCOB on 4 May 2017" for 4.3.1; 1.1, 3.6 and 4.0.1 "Awaits agreement
 * of new governance framework"). Only what the text dates to a day is a decision here: "agreed at May
 * JCOB" or "at JCOB at the end of June" name no day, and a decision is never given an invented one.
 * SAS is named as the board the governance framework waits on, but the office adds SAS itself (with
 * its title and meetings), as the issue's own walk-through does; until then "waiting on SAS" says so.
 */
export const BUNDLED_GOVERNANCE = fileURLToPath(new URL('../../db/plans/concerto-action-plan-2017-10-04.governance.json', import.meta.url));

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const GovernanceFile = z.object({
  boards: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
  meetings: z.array(z.object({ board: z.string(), date: Day, note: z.string().optional() })),
  decisions: z.array(z.object({ board: z.string(), meetingDate: Day.nullable(), decidedOn: Day, text: z.string(), affects: z.array(z.string()) })),
  waiting: z.array(z.object({ id: z.string(), what: z.string(), board: z.string().nullable() })),
});

export interface GovernanceSeeded {
  boards: number;
  meetings: number;
  decisions: number;
  waiting: number;
}

/**
 * Adds what is missing and changes nothing people have done: a board or meeting that exists is kept, a
 * decision already in the log (same board, day and words) is not recorded again, and an item is marked
 * as waiting only while it is still at Awaiting decision and says nothing of what it waits on.
 */
export async function seedBundledGovernance(plan: PlanInfo, governance: GovernanceStore, store: PlanStore, meta: ChangeMeta): Promise<GovernanceSeeded> {
  const file = GovernanceFile.parse(JSON.parse(readFileSync(BUNDLED_GOVERNANCE, 'utf8')));
  const added: GovernanceSeeded = { boards: 0, meetings: 0, decisions: 0, waiting: 0 };
  const boards = new Set((await governance.boards()).map((b) => b.name));
  for (const b of file.boards) {
    if (boards.has(b.name)) continue;
    await ignoring('board_exists', () => governance.addBoard(b.name, b.title, meta));
    added.boards += 1;
  }
  const meetings = new Set((await governance.meetings()).map((m) => `${m.board} ${m.date}`));
  for (const m of file.meetings) {
    if (meetings.has(`${m.board} ${m.date}`)) continue;
    await ignoring('meeting_exists', () => governance.addMeeting(m.board, m.date, defaultPapersBy(m.date, plan.holidays), meta));
    added.meetings += 1;
  }
  const log = await governance.decisions();
  for (const d of file.decisions) {
    if (log.some((x) => x.board === d.board && x.decidedOn === d.decidedOn && x.text === d.text)) continue;
    await governance.recordDecision({ ...d, supersedes: null }, meta);
    added.decisions += 1;
  }
  for (const w of file.waiting) {
    const rec = await store.get(w.id);
    if (!rec || rec.status !== 'awaiting_decision' || rec.waiting) continue;
    await store.change({ ...meta, recId: w.id, waiting: { what: w.what, board: w.board } });
    added.waiting += 1;
  }
  return added;
}

/** Another process added the same board or meeting a moment ago: what seeding wanted is there. */
async function ignoring(code: StoreError['code'], work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof StoreError && err.code === code)) throw err;
  }
}
