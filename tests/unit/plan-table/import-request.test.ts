import { describe, expect, it } from 'vitest';
import { readImportRequest } from '../../../src/core/plan/import-request.js';

describe('readImportRequest: the words sent with a document', () => {
  it.each([
    ['', { planKey: null, sheet: null, table: null, map: [] }],
    ["here's our tracker", { planKey: null, sheet: null, table: null, map: [] }],
    ['this is the plan for the board, going to SAS next week', { planKey: null, sheet: null, table: null, map: [] }],
    ['plan audit-2018', { planKey: 'audit-2018', sheet: null, table: null, map: [] }],
    ['into audit-2018', { planKey: 'audit-2018', sheet: null, table: null, map: [] }],
    ['Import into AUDIT-2018.', { planKey: 'audit-2018', sheet: null, table: null, map: [] }],
    ['import to the plan hmicfrs-2018', { planKey: 'hmicfrs-2018', sheet: null, table: null, map: [] }],
    ['--plan audit-2018 --sheet "Action log"', { planKey: 'audit-2018', sheet: 'Action log', table: null, map: [] }],
    ['audit-2018', { planKey: 'audit-2018', sheet: null, table: null, map: [] }],
    ['into audit-2018 table 2', { planKey: 'audit-2018', sheet: null, table: '2', map: [] }],
    ['--table 3 --plan audit-2018', { planKey: 'audit-2018', sheet: null, table: '3', map: [] }],
    ['from sheet Tracker', { planKey: null, sheet: 'Tracker', table: null, map: [] }],
    ['into audit-2018 map "owner=Lead officer" map update=Commentary', { planKey: 'audit-2018', sheet: null, table: null, map: ['owner=Lead officer', 'update=Commentary'] }],
    ['<@U0123ABCD> into audit-2018', { planKey: 'audit-2018', sheet: null, table: null, map: [] }],
  ])('%j', (text, want) => {
    expect(readImportRequest(text)).toEqual(want);
  });

  it('refuses a plan key that cannot be one, saying how to write it', () => {
    expect(readImportRequest('into 2018')).toEqual({ error: expect.stringMatching(/^"2018" cannot be a plan key: .* Send the file again with the plan's key, e\.g\. `into audit-2018`\.$/) });
  });

  it('refuses a map that is not field=Heading', () => {
    expect(readImportRequest('map owner')).toEqual({ error: expect.stringContaining('is not field=Heading') });
  });
});
