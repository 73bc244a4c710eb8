import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { PlanFile } from '../../src/core/plan/plan-file.js';

const raw: unknown = JSON.parse(
  fs.readFileSync(new URL('../../db/plans/concerto-action-plan-2017-10-04.json', import.meta.url), 'utf8'),
);
const plan = PlanFile.parse(raw);
const byId = new Map(plan.recommendations.map((r) => [r.id, r]));
const rec = (id: string) => {
  const r = byId.get(id);
  if (!r) throw new Error(`no recommendation ${id}`);
  return r;
};

const SEED_NAME = 'concerto-action-plan-2017-10-04.txt';
const seedPath = [path.join('/work/shared/seed', SEED_NAME), path.resolve(process.cwd(), '../shared/seed', SEED_NAME)].find((p) =>
  fs.existsSync(p),
);
const seed = seedPath ? fs.readFileSync(seedPath, 'utf8') : null;

/** Whitespace-normalised, with bullets (rendered "• " in the plan, lost or U+F0B7 in the extraction) dropped. */
const normalise = (s: string) =>
  s
    .replace(/[\u2022\uf0b7]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The text's words appear in the seed as at most `maxChunks` contiguous runs, in order, each of at
 * least `minWords` words unless it is the whole text (an update cell can be split by a page break,
 * with other columns' text in between). Returns the number of runs, or null when the text is not there.
 */
function chunksInSeed(text: string, haystack: string, maxChunks = 2, minWords = 4): number | null {
  const words = normalise(text).split(' ');
  let from = 0;
  let chunks = 0;
  let i = 0;
  while (i < words.length) {
    let best = 0;
    let bestAt = -1;
    for (let k = i + 1; k <= words.length; k++) {
      const at = haystack.indexOf(words.slice(i, k).join(' '), from);
      if (at < 0) break;
      best = k;
      bestAt = at;
    }
    if (best === 0) return null;
    if (best - i < minWords && !(i === 0 && best === words.length)) return null;
    chunks++;
    if (chunks > maxChunks) return null;
    from = bestAt + words.slice(i, best).join(' ').length;
    i = best;
  }
  return chunks;
}

const G = 'Governance and Accountability';
const KP = ['Karen Georgiou', 'Portfolio Office'];
const ARG = ['Alison Roome-Gifford', 'Portfolio Office'];
const SIX = ['Six Corporation Soles & Chief Executives'];

// id, theme, owners, delivery, status
const TABLE: Array<[string, string, string[], string, string]> = [
  ['1.1', 'What is BCH Collaboration', KP, 'September 2017', 'awaiting_decision'],
  ['3.4', 'Governance', KP, 'June 2017', 'complete'],
  ['3.6', 'Governance', KP, 'September 2017', 'awaiting_decision'],
  ['4.0.1', 'Delivering Projects and Realising Benefits', KP, 'September 2017', 'awaiting_decision'],
  ['4.0.2', 'Delivering Projects and Realising Benefits', KP, 'September 2017', 'complete'],
  ['4.1.1', 'HR', ['Rachel Wilkinson'], 'November 2017', 'on_going'],
  ['4.1.2', 'HR', ['Rachel Wilkinson'], 'November 2017', 'on_going'],
  ['4.1.3', 'HR', ['Rachel Wilkinson'], 'November 2017', 'on_going'],
  ['4.1.4', 'HR', ['Rachel Wilkinson'], 'Completed', 'complete'],
  ['4.2.1', 'ICT', ['N. Shackleton'], '', 'on_going'],
  ['4.2.2', 'ICT', ['N. Shackleton'], '', 'on_going'],
  ['4.2.3', 'ICT', ['SRO – Organisational Support'], '31 March 2018', 'on_going'],
  ['4.3.1', 'Athena', ['BCH Chief Constables'], 'Completed', 'complete'],
  ['4.3.2', 'Athena', ARG, 'Completed', 'complete'],
  ['4.3.3', 'Athena', ARG, 'Completed', 'complete'],
  ['5.1', 'Portfolio Office', KP, 'September 2017', 'complete'],
  ['5.2', 'Portfolio Office', KP, 'September 2017', 'on_going'],
  ['5.3', 'Portfolio Office', KP, 'September 2017', 'complete'],
  ['6.1', 'Managing Business as Usual', SIX, '', 'not_being_implemented'],
  ['6.2', 'Managing Business as Usual', SIX, '', 'not_being_implemented'],
  ['6.3', 'Managing Business as Usual', SIX, '', 'not_being_implemented'],
  ['7.1', 'Knowledge Skills and Experience', KP, 'September 2017', 'complete'],
  ['9.1.1', G, ['Lead CC’s/ BAU Heads of Service'], 'By end 2017', 'awaiting_decision'],
  ['9.1.2', G, ['Force CFO’s'], 'By end 2017', 'complete'],
  ['9.1.3', G, ['SRO’s for each management Board'], 'With immediate effect', 'on_going'],
  ['9.2.1', G, ['PCC’s'], 'September 2017', 'on_going'],
  ['9.2.2', G, ['PCC’s'], 'September 2017', 'on_going'],
  ['9.2.3', G, ['PCC’s and CC’s'], 'Immediate effect', 'on_going'],
  ['9.2.4', G, ['Alison Roome-Gifford'], 'Immediate effect', 'on_going'],
  ['9.3.1', G, ['Chief Constables'], 'Autumn 2017', 'on_going'],
];

describe('bundled plan: Concerto Action Plan 04/10/2017', () => {
  it('parses with the plan file schema', () => {
    expect(() => PlanFile.parse(raw)).not.toThrow();
    expect(plan.title).toBe('Concerto Action Plan');
    expect(plan.asOf).toBe('2017-10-04');
    expect(plan.timeZone).toBe('Europe/London');
  });

  it('holds all 30 recommendations in document order', () => {
    expect(plan.recommendations.map((r) => r.id)).toEqual([
      '1.1', '3.4', '3.6', '4.0.1', '4.0.2',
      '4.1.1', '4.1.2', '4.1.3', '4.1.4',
      '4.2.1', '4.2.2', '4.2.3',
      '4.3.1', '4.3.2', '4.3.3',
      '5.1', '5.2', '5.3',
      '6.1', '6.2', '6.3',
      '7.1',
      '9.1.1', '9.1.2', '9.1.3',
      '9.2.1', '9.2.2', '9.2.3', '9.2.4',
      '9.3.1',
    ]);
  });

  it.each(TABLE)('%s: theme %s, owners %j, delivery %j, status %s', (id, theme, owners, delivery, status) => {
    const r = rec(id);
    expect(r.theme).toBe(theme);
    expect(r.owners).toEqual(owners);
    expect(r.delivery).toBe(delivery);
    expect(r.status).toBe(status);
  });

  it('keeps recommendation texts without their numbers or sub-headings', () => {
    for (const r of plan.recommendations) {
      expect(r.text, r.id).not.toMatch(/^\d+(\.\d+)+:?\s/);
      expect(r.text, r.id).not.toMatch(/9\.\d (Business as Usual|Governance|Accountability):/);
      expect(r.text, r.id).not.toMatch(/\s{2,}|\uf0b7/);
    }
    expect(rec('6.3').text).toContain('ring-fence those on existing terms');
    expect(rec('9.2.2').text).toMatch(/^SAS should re-focus .* horizon-scanning role/);
    expect(rec('5.1').text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
  });

  it('dates updates from the dates written in them', () => {
    const dates = (id: string) => rec(id).updates.map((u) => u.date);
    expect(dates('3.4')).toContain('2017-06-14');
    expect(dates('4.0.2')).toContain('2017-08-08');
    expect(dates('4.2.1')).toContain('2017-07-20');
    expect(dates('4.3.1')).toContain('2017-05-04');
    expect(rec('3.4').updates).toHaveLength(2);
    expect(rec('3.4').updates[1]!.text).toMatch(/^14\.06\.17 COMPLETE – SAS and JCOB Decision Logs/);
    expect(rec('4.0.2').updates).toHaveLength(2);
    expect(rec('4.2.2').updates.map((u) => [u.date, u.author])).toEqual([
      ['2017-10-04', null],
      ['2017-07-20', 'N. Shackleton'],
    ]);
    expect(rec('4.2.3').updates.map((u) => u.author)).toEqual(['N. Shackleton']);
    expect(rec('9.3.1').updates).toEqual([]);
  });

  it('keeps every bullet of 5.3 across the page break', () => {
    expect(rec('5.3').updates).toHaveLength(1);
    expect(rec('5.3').updates[0]!.text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(6);
  });

  it('keeps no page footer in any text', () => {
    for (const r of plan.recommendations) {
      expect(r.text, r.id).not.toContain('CONFIDENTIAL');
      for (const u of r.updates) {
        expect(u.text, r.id).not.toContain('CONFIDENTIAL');
        expect(u.text, r.id).not.toContain('Concerto Action Plan');
      }
    }
  });

  it.skipIf(!seed)('takes every update text, in the document’s words, from the seed', () => {
    const haystack = normalise(seed!);
    for (const r of plan.recommendations) {
      for (const u of r.updates) {
        expect(chunksInSeed(u.text, haystack), `${r.id}: ${u.text.slice(0, 60)}`).not.toBeNull();
      }
    }
  });
});
