import { rec, trail, upd, win } from './fixtures.js';

/** One plan and its trail, shared by the as-at and changed-since tests. */

export const AUTUMN = win('Autumn 2017', '2017-09-01', '2017-11-30', 'season');
export const Q1 = win('Q1 2018', '2018-01-01', '2018-03-31', 'quarter');

/** The plan as imported on a later day (the bundled plan is "as at 4 October 2017" whenever it is loaded). */
export const original = [
  rec('4.2.1', { text: 'Old wording.', updates: [upd('2017-10-04', 'Initial')] }),
  rec('5.2', { updates: [] }),
  rec('9.3.1', { owners: ['Chief Constables'], delivery: AUTUMN, baseline: AUTUMN }),
];
export const t = trail()
  .imported('2025-06-01T10:00:00.000Z', '2017-10-04', original)
  .change('4.2.1', '2017-10-10T09:00:00.000Z', 'update_posted', null, upd('2017-10-10', 'Prioritised plan circulated', 'cli'))
  .change('9.3.1', '2017-10-10T09:00:00.000Z', 'date_revised', AUTUMN, Q1)
  // 23:30 UTC is 00:30 on the 11th in London (BST): the change belongs to the 11th.
  .change('5.2', '2017-10-10T23:30:00.000Z', 'status_changed', 'on_going', 'complete')
  .change('4.2.1', '2017-10-12T10:00:00.000Z', 'status_changed', 'on_going', 'awaiting_decision')
  // Recorded on the 12th, dated the 9th: not known on the 10th.
  .change('5.2', '2017-10-12T10:00:00.000Z', 'update_posted', null, upd('2017-10-09', 'Backdated note', 'cli'))
  .change('9.3.1', '2017-10-15T10:00:00.000Z', 'owners_changed', ['Chief Constables'], ['Chief Constables', 'Portfolio Office'])
  .change('4.2.1', '2017-10-16T10:00:00.000Z', 'recommendation_changed', { text: 'Old wording.', theme: 'Governance' }, { text: 'New wording.', theme: 'ICT' })
  .change('9.4.1', '2017-10-20T10:00:00.000Z', 'recommendation_added', null, rec('9.4.1'));

export const current = [
  rec('4.2.1', {
    text: 'New wording.',
    theme: 'ICT',
    status: 'awaiting_decision',
    updates: [upd('2017-10-04', 'Initial'), upd('2017-10-10', 'Prioritised plan circulated', 'cli')],
  }),
  rec('5.2', { status: 'complete', updates: [upd('2017-10-09', 'Backdated note', 'cli')] }),
  rec('9.3.1', { owners: ['Chief Constables', 'Portfolio Office'], delivery: Q1, baseline: AUTUMN, revisions: 1 }),
  rec('9.4.1'),
];

