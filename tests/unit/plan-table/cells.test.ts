import { describe, expect, it } from 'vitest';
import { numberAtStart, numberInIdCell } from '../../../src/core/plan/table/numbering.js';
import { ownersOfCell } from '../../../src/core/plan/table/owners-cell.js';
import { updatesOfCell } from '../../../src/core/plan/table/updates-cell.js';

const AS_OF = '2017-10-04';

describe('several owners in one cell', () => {
  it.each([
    ['Karen Georgiou\nPortfolio Office', ['Karen Georgiou', 'Portfolio Office']],
    ['Karen Georgiou / Rachel Wilkinson', ['Karen Georgiou', 'Rachel Wilkinson']],
    ['Karen Georgiou/Portfolio Office/Rachel Wilkinson', ['Karen Georgiou', 'Portfolio Office', 'Rachel Wilkinson']],
    ['Karen Georgiou and Rachel Wilkinson', ['Karen Georgiou', 'Rachel Wilkinson']],
    ['N. Shackleton & Portfolio Office', ['N. Shackleton', 'Portfolio Office']],
    ['Portfolio Office; Force CFO’s', ['Portfolio Office', 'Force CFO’s']],
    ['• Karen Georgiou\n• Rachel Wilkinson', ['Karen Georgiou', 'Rachel Wilkinson']],
    // Bodies of people joined by "and", "&" or "/" stay one owner, as the board wrote them.
    ['PCC’s and CC’s', ['PCC’s and CC’s']],
    ['PCC and Chief Constable', ['PCC and Chief Constable']],
    ['Six Corporation Soles & Chief Executives', ['Six Corporation Soles & Chief Executives']],
    ['Lead CC’s/ BAU Heads of Service', ['Lead CC’s/ BAU Heads of Service']],
    ['Head of HR and Finance', ['Head of HR and Finance']],
    ['SRO – Organisational Support', ['SRO – Organisational Support']],
    ['Chief Constables', ['Chief Constables']],
    ['Six Corporation\nSoles &\nChief Executives', ['Six Corporation', 'Soles & Chief Executives']],
    ['Karen Georgiou\nKAREN GEORGIOU', ['Karen Georgiou']],
    ['See 9.1.1 above', ['See 9.1.1 above']],
    ['', []],
  ])('%j → %j', (cell, owners) => {
    expect(ownersOfCell(cell)).toEqual(owners);
  });
});

const u = (date: string, text: string, author: string | null = null, evidence: string | null = null) => ({ date, author, text, evidence });

describe('an update cell as dated entries', () => {
  it.each([
    ['no date at all', 'Awaits agreement of new governance framework', [u(AS_OF, 'Awaits agreement of new governance framework')]],
    ['dd.mm.yy', '14.06.17 COMPLETE – Decision Logs developed', [u('2017-06-14', '14.06.17 COMPLETE – Decision Logs developed')]],
    ['dd/mm/yy', '08/08/17 Complete – Templates stored', [u('2017-08-08', '08/08/17 Complete – Templates stored')]],
    // "dd/mm/yyyy: " is a label, as every paper writes one (and "(name)" before the colon its writer): the date is the entry's.
    ['dd/mm/yyyy:', '08/08/2017: Templates stored', [u('2017-08-08', 'Templates stored')]],
    ['dd/mm/yyyy (name):', '08/08/2017 (Karen Georgiou): Templates stored\n\n20/07/2017: Started', [u('2017-07-20', 'Started'), u('2017-08-08', 'Templates stored', 'Karen Georgiou')]],
    ['dd/mm/yyyy with no colon starts the words', '08/08/2017 Templates stored', [u('2017-08-08', '08/08/2017 Templates stored')]],
    ['day month year', '14 June 2017 – agreed', [u('2017-06-14', '14 June 2017 – agreed')]],
    ['month and year, dated the 1st', 'Aug 2017: started\nSep 2017: more', [u('2017-08-01', 'Aug 2017: started'), u('2017-09-01', 'Sep 2017: more')]],
    ['ISO', '2017-08-08 Templates stored', [u('2017-08-08', '2017-08-08 Templates stored')]],
    ['Concerto’s own header, author and evidence', '[2017-08-08 · Karen] Checked\nEvidence: minutes of 8 August', [u('2017-08-08', 'Checked', 'Karen', 'minutes of 8 August')]],
    ['newest first, put oldest first', '08/08/17 Complete\n\n14.06.17 Started', [u('2017-06-14', '14.06.17 Started'), u('2017-08-08', '08/08/17 Complete')]],
    [
      'text before the first date is dated as of the plan, and stays first',
      'To be introduced from June 2017\n14.06.17 COMPLETE – logs',
      [u(AS_OF, 'To be introduced from June 2017'), u('2017-06-14', '14.06.17 COMPLETE – logs')],
    ],
    [
      'a closing signature dates the entry and names its writer',
      'Update to be provided\n\nThe strategy is in place.\nPlans will follow. N. Shackleton 20.07.17',
      [u(AS_OF, 'Update to be provided'), u('2017-07-20', 'The strategy is in place.\nPlans will follow. N. Shackleton 20.07.17', 'N. Shackleton')],
    ],
    [
      'a signature wrapped onto its own line',
      'Plans will follow. N. Shackleton\n20.07.17',
      [u('2017-07-20', 'Plans will follow. N. Shackleton\n20.07.17', 'N. Shackleton')],
    ],
    ['a date wrapped onto its own line ends the sentence', 'To be introduced from\nJune 2017', [u(AS_OF, 'To be introduced from\nJune 2017')]],
    ['a date alone on a line after a full stop opens an entry', 'Logs agreed.\n14.06.17\nCOMPLETE', [u(AS_OF, 'Logs agreed.'), u('2017-06-14', '14.06.17\nCOMPLETE')]],
    ['a paragraph after a dated entry belongs to it', '14.06.17 Logs developed\n\nCirculated with papers', [u('2017-06-14', '14.06.17 Logs developed\n\nCirculated with papers')]],
    ['a date inside a sentence does not split it', 'Discussed at JCOB on 21/07/17. Resolved.', [u(AS_OF, 'Discussed at JCOB on 21/07/17. Resolved.')]],
    [
      'entries run on in one line, each a date and a dash after the last one ends',
      '12/01/2019 - first review held; 20/02/2019 - second review scheduled',
      [u('2019-01-12', '12/01/2019 - first review held'), u('2019-02-20', '20/02/2019 - second review scheduled')],
    ],
    ['a date after a full stop but no dash or colon stays in its sentence', 'Review held. 20/02/2019 was the date.', [u(AS_OF, 'Review held. 20/02/2019 was the date.')]],
    ['run-on entries written with the month in words', '3 January 2019: started. 9 March 2019: done', [u('2019-01-03', '3 January 2019: started.'), u('2019-03-09', '9 March 2019: done')]],
    ['a recommendation number is not a date', '4.2.1 covers this', [u(AS_OF, '4.2.1 covers this')]],
    ['a day that does not exist is no date', '31.02.17 done', [u(AS_OF, '31.02.17 done')]],
    ['no author is made up from a body', 'Agreed at Sept JCOB 20.07.17', [u('2017-10-04', 'Agreed at Sept JCOB 20.07.17')]],
    ['an empty cell', '  ', []],
  ])('%s', (_what, cell, updates) => {
    expect(updatesOfCell(cell, AS_OF)).toEqual(updates);
  });
});

describe('numbering written in a cell', () => {
  it.each([
    ['1.1: BCH needs to consider', { id: '1.1', rest: 'BCH needs to consider' }],
    ['4.2.1 A mechanism for capturing', { id: '4.2.1', rest: 'A mechanism for capturing' }],
    ['4.2.1. A mechanism', { id: '4.2.1', rest: 'A mechanism' }],
    ['4.2.1 – A mechanism', { id: '4.2.1', rest: 'A mechanism' }],
    ['Rec 4.2.1: A mechanism', { id: '4.2.1', rest: 'A mechanism' }],
    ['7. Develop the skills', { id: '7', rest: 'Develop the skills' }],
    ['9.1 Business as Usual:\n9.1.1 BaU functions', { id: '9.1.1', rest: 'BaU functions', subheading: '9.1 Business as Usual:' }],
    ['10 officers will be trained', null],
    ['14.06.17 COMPLETE', null],
    ['BCH needs to consider', null],
  ])('%j', (cell, numbered) => {
    expect(numberAtStart(cell)).toEqual(numbered);
  });

  it.each([
    ['4.2.1', '4.2.1'], [' 4.2.1. ', '4.2.1'], ['5', '5'], ['12)', '12'], ['A', null], ['14.06.17', null], ['1.1: BCH needs', '1.1'],
  ])('the id cell %j holds %j', (cell, id) => {
    expect(numberInIdCell(cell)?.id ?? null).toBe(id);
  });
});
