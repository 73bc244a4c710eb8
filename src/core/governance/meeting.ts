import type { IsoDate } from '../dates/delivery-window.js';
import { isWorkingDay, type HolidayCalendar } from '../reminders/bank-holidays.js';
import { addDaysIso } from '../reminders/local-time.js';

/** A meeting of a board on a day, with the day its papers are due. */
export interface Meeting {
  id: number;
  board: string;
  date: IsoDate;
  /** The paper deadline: the board paper for this meeting is as at this day. */
  papersBy: IsoDate;
}

/** Papers are due this many working days before a meeting unless the meeting says otherwise. */
export const PAPER_WORKING_DAYS = 5;

/** Five working days before the meeting, skipping weekends and the plan's bank holidays. */
export function defaultPapersBy(date: IsoDate, calendar: HolidayCalendar): IsoDate {
  let day = date;
  for (let left = PAPER_WORKING_DAYS; left > 0; ) {
    day = addDaysIso(day, -1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** "SAS 2017-10-12", as people name a meeting. */
export const meetingLabel = (m: Pick<Meeting, 'board' | 'date'>) => `${m.board} ${m.date}`;

/** The last meeting of a board (null: of any board) before `day` (strictly), or null. Meetings in any order. */
export function previousMeeting<M extends Pick<Meeting, 'board' | 'date'>>(meetings: readonly M[], board: string | null, day: IsoDate): M | null {
  return meetings.filter((m) => (board === null || m.board === board) && m.date < day).sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}

/** The first meeting of a board (null: of any board) on or after `day`, or null. */
export function nextMeeting<M extends Pick<Meeting, 'board' | 'date'>>(meetings: readonly M[], board: string | null, day: IsoDate): M | null {
  return meetings.filter((m) => (board === null || m.board === board) && m.date >= day).sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}
