import type { MeetingField, MeetingForm, MeetingFormData } from '../../core/ask/meeting-form.js';
import { isTimeZone } from '../../core/dates/today.js';
import { LIMITS, type Block, type ModalView, type Option } from '../block-kit.js';
import { ACTION, MEETING_BLOCK, MEETING_INPUT, VIEW } from '../ids.js';
import { fieldErrors, input, plain } from './parts.js';
import { formNotice, type FormNoticeOf } from './form-notice.js';

/** The form a plan admin adds a board's meeting with: the board, the day, and when papers are due (default five working days before). */
export function meetingModal(data: MeetingFormData): ModalView {
  const boards: Option[] = data.boards.slice(0, LIMITS.selectOptions).map((b) => ({ text: plain(b.title ? `${b.name} — ${b.title}` : b.name, LIMITS.optionText), value: b.name }));
  const blocks: Block[] = [
    input(MEETING_BLOCK.board, 'Board', { type: 'static_select', action_id: MEETING_INPUT.board, options: boards, ...(boards.length === 1 ? { initial_option: boards[0] } : {}) }),
    input(MEETING_BLOCK.date, 'Meeting day', { type: 'plain_text_input', action_id: MEETING_INPUT.date, max_length: 200 }, false, '“12 October 2017”, “2017-10-12”, “next Thursday”'),
    input(MEETING_BLOCK.papersBy, 'Papers by', { type: 'plain_text_input', action_id: MEETING_INPUT.papersBy, max_length: 200 }, true, 'Leave empty for five working days before the meeting'),
  ];
  return {
    type: 'modal',
    callback_id: VIEW.meeting,
    title: plain('Add a meeting', LIMITS.viewTitle),
    submit: plain('Add', LIMITS.viewTitle),
    close: plain('Cancel', LIMITS.viewTitle),
    private_metadata: metadata(data),
    blocks,
  };
}

const MEETING_NOTICE: FormNoticeOf = { title: 'Add a meeting', callbackId: VIEW.meetingNotice, pickAction: ACTION.openMeeting };
export const meetingLoadingModal = (): ModalView => formNotice(MEETING_NOTICE, 'Opening the meeting form…');
export const meetingNoticeModal = (text: string, plans: string[] = []): ModalView => formNotice(MEETING_NOTICE, text, plans);

export interface MeetingMetadata {
  plan: string;
  today: string;
  timeZone: string;
  boards: string[];
}

function metadata(data: MeetingFormData): string {
  const full = JSON.stringify({ plan: data.plan, tz: data.timeZone, today: data.today, boards: data.boards.map((b) => b.name) });
  return full.length <= LIMITS.privateMetadata ? full : JSON.stringify({ plan: data.plan, tz: data.timeZone, today: data.today, boards: [] });
}

export function parseMeetingMetadata(s: string | undefined): MeetingMetadata | null {
  try {
    const v = JSON.parse(s ?? '') as Record<string, unknown> | null;
    if (!v || typeof v.plan !== 'string' || typeof v.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) return null;
    const boards = Array.isArray(v.boards) ? v.boards.filter((b): b is string => typeof b === 'string') : [];
    return { plan: v.plan, today: v.today, timeZone: typeof v.tz === 'string' && isTimeZone(v.tz) ? v.tz : 'Europe/London', boards };
  } catch {
    return null;
  }
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export function readMeetingSubmission(values: StateValues | undefined): MeetingForm {
  const get = (field: MeetingField) => values?.[MEETING_BLOCK[field]]?.[MEETING_INPUT[field]];
  const text = (field: MeetingField) => {
    const v = get(field)?.value;
    return typeof v === 'string' ? v.trim() : '';
  };
  return { board: get('board')?.selected_option?.value ?? '', date: text('date'), papersBy: text('papersBy') };
}

export const meetingErrors = (errors: Partial<Record<MeetingField, string>>): Record<string, string> => fieldErrors(MEETING_BLOCK, errors);
