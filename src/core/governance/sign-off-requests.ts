import type { ProposalNotice } from '../ask/reply.js';
import type { IsoDate } from '../dates/delivery-window.js';
import { titleOf, type Recommendation } from '../plan/recommendation.js';
import { isWorkingDay, type HolidayCalendar } from '../reminders/bank-holidays.js';
import { addDaysIso, localTime } from '../reminders/local-time.js';

/**
 * The messages to a plan's admins about a proposed completion: the request, as soon as it is proposed,
 * and one chase once it has waited five working days. Both go through the outbox under a key naming the
 * proposal and the admin, so the front end that saw the proposal can queue the request at once and the
 * scheduler's pass queues it again if that was lost (a crash between commit and queue) without a second
 * message; a proposal made where nothing could queue it (the terminal) is found by the next pass.
 */

export const SIGN_OFF_CHASE_WORKING_DAYS = 5;

export interface SignOffRequestPayload {
  kind: 'sign_off_request';
  notice: ProposalNotice;
  /** The reminder after five working days, rather than the first request. */
  chase: boolean;
}

export interface SignOffRequest {
  key: string;
  /** The outbox row's kind: the first request, or the chase. */
  kind: 'sign_off_request' | 'sign_off_chase';
  to: string;
  item: string;
  payload: SignOffRequestPayload;
}

/** The plan's admins and those of every plan, less the proposer, who cannot sign off their own proposal. */
export function signOffRecipients(notice: Pick<ProposalNotice, 'admins' | 'byId'>, everyPlanAdmins: readonly string[]): string[] {
  return [...new Set([...notice.admins, ...everyPlanAdmins])].filter((id) => id !== notice.byId);
}

const keyOf = (notice: ProposalNotice, to: string, chase: boolean) => `${notice.plan}/sign-off${chase ? '-chase' : ''}:${notice.id}@${notice.at}:${to}`;

/** The first request to each admin about one proposal. */
export function signOffRequests(notice: ProposalNotice, everyPlanAdmins: readonly string[]): SignOffRequest[] {
  return signOffRecipients(notice, everyPlanAdmins).map((to) => ({ key: keyOf(notice, to, false), kind: 'sign_off_request', to, item: notice.id, payload: { kind: 'sign_off_request', notice, chase: false } }));
}

export function proposalNotice(plan: { key: string; admins: readonly string[] }, rec: Pick<Recommendation, 'id' | 'text' | 'owners' | 'proposal'>): ProposalNotice | null {
  const p = rec.proposal;
  if (!p) return null;
  return { plan: plan.key, id: rec.id, title: titleOf(rec.text), owners: rec.owners, by: p.by, byId: p.byId, at: p.at, evidence: p.evidence, admins: [...plan.admins] };
}

/** The working day a proposal made on `day` is chased on: the fifth working day after it. */
export function chaseDay(day: IsoDate, calendar: HolidayCalendar): IsoDate {
  let d = day;
  for (let left = SIGN_OFF_CHASE_WORKING_DAYS; left > 0; ) {
    d = addDaysIso(d, 1);
    if (isWorkingDay(d, calendar)) left -= 1;
  }
  return d;
}

/**
 * Every request owed now for a plan's open proposals: the first request always (the outbox keeps only
 * the first of each key), and the chase from its send time on the fifth working day after the proposal,
 * in the plan's timezone.
 */
export function decideSignOffRequests(input: {
  plan: { key: string; admins: readonly string[]; timeZone: string; holidays: HolidayCalendar };
  items: readonly Pick<Recommendation, 'id' | 'text' | 'owners' | 'proposal'>[];
  everyPlanAdmins: readonly string[];
  now: Date;
  sendAtMinutes: number;
}): SignOffRequest[] {
  const local = localTime(input.now, input.plan.timeZone);
  const out: SignOffRequest[] = [];
  for (const rec of input.items) {
    const notice = proposalNotice(input.plan, rec);
    if (!notice) continue;
    out.push(...signOffRequests(notice, input.everyPlanAdmins));
    const proposedOn = localTime(new Date(notice.at), input.plan.timeZone).date;
    const due = chaseDay(proposedOn, input.plan.holidays);
    if (local.date > due || (local.date === due && local.minutes >= input.sendAtMinutes)) {
      if (!isWorkingDay(local.date, input.plan.holidays)) continue;
      for (const to of signOffRecipients(notice, input.everyPlanAdmins)) out.push({ key: keyOf(notice, to, true), kind: 'sign_off_chase', to, item: rec.id, payload: { kind: 'sign_off_request', notice, chase: true } });
    }
  }
  return out;
}
