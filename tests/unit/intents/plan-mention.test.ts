import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/core/ask/intent.js';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';
import { findEveryPlan, findPlanByTitle, findPlanMention, type PlanMention } from '../../../src/core/ask/intents/plan-mention.js';
import { isPlanKey, keyFromTitle, PLAN_KEY_MAX, planKeyProblem, suggestPlanKeys, unknownPlanMessage } from '../../../src/core/plan/plan-key.js';

/** Naming a plan in a message, the rules for plan keys, and the plan commands as the intent reader sees them. */

const KEYS = ['audit-2018', 'concerto-2017'];

describe('findPlanMention', () => {
  const rows: Array<[string, readonly string[], PlanMention]> = [
    ['status 4.2.1 in audit-2018', KEYS, { kind: 'plan', key: 'audit-2018', text: 'status 4.2.1' }],
    // The message's own punctuation closes up to the words before the mention.
    ["what's overdue for plan audit-2018?", KEYS, { kind: 'plan', key: 'audit-2018', text: "what's overdue?" }],
    ["what's overdue for audit-2018?", KEYS, { kind: 'plan', key: 'audit-2018', text: "what's overdue?" }],
    ['update 4.2.1 Checklist agreed in audit-2018.', KEYS, { kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 Checklist agreed.' }],
    ['update 4.2.1 Checklist agreed, in audit-2018, by Finance', KEYS, { kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 Checklist agreed, by Finance' }],
    // Only the mention goes: the rest of an update's text keeps its own line breaks and spacing.
    ['update 4.2.1 in audit-2018 Line one\nLine two', KEYS, { kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 Line one\nLine two' }],
    ['list everything in the plan concerto-2017', KEYS, { kind: 'plan', key: 'concerto-2017', text: 'list everything' }],
    ['in the plan concerto-2017 list governance', KEYS, { kind: 'plan', key: 'concerto-2017', text: 'list governance' }],
    ['status 4.2.1 from concerto-2017', KEYS, { kind: 'plan', key: 'concerto-2017', text: 'status 4.2.1' }],
    ['plan audit-2018 status 1.1', KEYS, { kind: 'plan', key: 'audit-2018', text: 'status 1.1' }],
    ['STATUS 4.2.1 IN AUDIT-2018', KEYS, { kind: 'plan', key: 'audit-2018', text: 'STATUS 4.2.1' }],
    ['update 4.2.1 in audit-2018 Checklist agreed', KEYS, { kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 Checklist agreed' }],
    // A key that is not a plan, close to one: say so, never guess.
    ['status 4.2.1 in hmicfrs-2081', ['hmicfrs-2018'], { kind: 'unknown', key: 'hmicfrs-2081', near: ['hmicfrs-2018'] }],
    ['status 4.2.1 in audit-2019', KEYS, { kind: 'unknown', key: 'audit-2019', near: ['audit-2018'] }],
    // Key-shaped with a number in it, near nothing: still a plan that is not there.
    ['status 4.2.1 in hmicfrs-2081', KEYS, { kind: 'unknown', key: 'hmicfrs-2081', near: [] }],
  ];
  it.each(rows)('%j (keys %j)', (text, keys, expected) => {
    expect(findPlanMention(text, keys)).toEqual(expected);
  });

  // Words where a plan could go that are ordinary text: the message is left exactly as it was.
  const text = [
    'update 4.2.1 follow-up agreed in follow-up meeting',
    'what did the plan look like on 1 October',
    'due in Q1 2018',
    'list governance',
    "what's overdue in ICT",
    'status 4.2.1',
    'update 1.1 work in the plan office continues',
    'complete 5.2 signed off in the year-end review',
    'what is due for the Portfolio Office',
    'update 4.2.1 in-year savings agreed',
    // A key-shaped word far from every key counts only where it ends the message, not inside free text.
    'update 4.2.1 discussed in covid-19 recovery meeting',
  ];
  it.each(text)('%j stays text', (t) => {
    expect(findPlanMention(t, KEYS)).toEqual({ kind: 'none', text: t });
  });

  it('the message keeps its own punctuation and line breaks around the mention', () => {
    expect(findPlanMention('update 4.2.1 Checklist agreed in audit-2018.', KEYS)).toEqual({ kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 Checklist agreed.' });
    expect(findPlanMention("what's overdue for audit-2018?", KEYS)).toEqual({ kind: 'plan', key: 'audit-2018', text: "what's overdue?" });
    expect(findPlanMention('update 4.2.1 in audit-2018 First line.\nSecond line.', KEYS)).toEqual({ kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 First line.\nSecond line.' });
  });

  it("in a question a plan's key alone names it; in a change it needs its 'in'", () => {
    expect(findPlanMention('how many items does audit-2018 have?', KEYS, { bareKeys: true })).toEqual({ kind: 'plan', key: 'audit-2018', text: 'how many items does have?' });
    expect(findPlanMention("audit-2018's overdue items", KEYS, { bareKeys: true })).toEqual({ kind: 'plan', key: 'audit-2018', text: 'overdue items' });
    expect(findPlanMention('update 4.2.1 aligned with audit-2018 findings', KEYS)).toEqual({ kind: 'none', text: 'update 4.2.1 aligned with audit-2018 findings' });
    expect(findPlanMention('what does "audit-2018" mean?', KEYS, { bareKeys: true })).toEqual({ kind: 'none', text: 'what does "audit-2018" mean?' });
    expect(findPlanMention('status 4.2.1 audit-2018', KEYS, { bareKeys: 'last' })).toEqual({ kind: 'plan', key: 'audit-2018', text: 'status 4.2.1' });
    expect(findPlanMention('audit-2018 said so', KEYS, { bareKeys: 'last' })).toEqual({ kind: 'none', text: 'audit-2018 said so' });
  });

  it('with no plans, a key-shaped word is still an unknown plan, and plain text stays text', () => {
    expect(findPlanMention('status 4.2.1 in audit-2018', [])).toEqual({ kind: 'unknown', key: 'audit-2018', near: [] });
    expect(findPlanMention('list governance', [])).toEqual({ kind: 'none', text: 'list governance' });
  });
});

describe('findPlanByTitle: a plan named by words of its title', () => {
  const PLANS = [
    { key: 'concerto-2017', title: 'Concerto Action Plan' },
    { key: 'audit-2018', title: 'Internal audit 2018' },
    { key: 'hmicfrs-2018', title: 'HMICFRS inspection action plan' },
  ];
  const rows: Array<[string, PlanMention]> = [
    ["what's due in the audit plan?", { kind: 'plan', key: 'audit-2018', text: "what's due in the plan?" }],
    ["what's overdue in the Internal Audit 2018 plan", { kind: 'plan', key: 'audit-2018', text: "what's overdue in the plan" }],
    ['status of 4.2.1 in the concerto plan', { kind: 'plan', key: 'concerto-2017', text: 'status of 4.2.1 in the plan' }],
    ['what does Karen own in the HMICFRS plan?', { kind: 'plan', key: 'hmicfrs-2018', text: 'what does Karen own in the plan?' }],
    ['for the inspection plan, what is overdue', { kind: 'plan', key: 'hmicfrs-2018', text: 'for the plan, what is overdue' }],
    ['list ICT from our concerto action plan', { kind: 'plan', key: 'concerto-2017', text: 'list ICT from our plan' }],
    // Words of two plans' titles, or of none: not a plan named.
    ["what's overdue in the action plan?", { kind: 'none', text: "what's overdue in the action plan?" }],
    ["what's in the whole plan?", { kind: 'none', text: "what's in the whole plan?" }],
    ['what is due in the plan?', { kind: 'none', text: 'what is due in the plan?' }],
    ['how is the plan doing', { kind: 'none', text: 'how is the plan doing' }],
    // The plan itself asked for, the whole message.
    ['show me the audit plan', { kind: 'plan', key: 'audit-2018', text: 'show me the plan' }],
    ['list the HMICFRS plan?', { kind: 'plan', key: 'hmicfrs-2018', text: 'list the plan?' }],
  ];
  it.each(rows)('%j', (text, expected) => {
    expect(findPlanByTitle(text, PLANS)).toEqual(expected);
  });

  it('distinctive words of two titles name both plans, to ask which; words any plan might hold name none', () => {
    const withFire = [...PLANS, { key: 'inspection-2019', title: 'Fire inspection 2019 action plan' }];
    expect(findPlanByTitle("what's overdue in the inspection plan?", withFire)).toEqual({ kind: 'several', keys: ['hmicfrs-2018', 'inspection-2019'], text: "what's overdue in the plan?" });
    expect(findPlanByTitle("what's overdue in the action plan?", withFire)).toEqual({ kind: 'none', text: "what's overdue in the action plan?" });
    expect(findPlanByTitle('update 4.2.1 in the inspection plan done', withFire, { rightAfter: '4.2.1' })).toEqual({ kind: 'none', text: 'update 4.2.1 in the inspection plan done' });
  });

  // In a change, only right after the item's number, and the mention goes whole: none of it is the update's text.
  it.each<[string, PlanMention]>([
    ['update 4.2.1 in the audit plan Finance agreed the checklist', { kind: 'plan', key: 'audit-2018', text: 'update 4.2.1 Finance agreed the checklist' }],
    ['complete 4.2.1 in the concerto plan', { kind: 'plan', key: 'concerto-2017', text: 'complete 4.2.1' }],
    ['date 4.2.1 in the audit plan: Q2 2018', { kind: 'plan', key: 'audit-2018', text: 'date 4.2.1: Q2 2018' }],
    ['update 4.2.1 Discussed in the audit plan review', { kind: 'none', text: 'update 4.2.1 Discussed in the audit plan review' }],
  ])('a change: %j', (text, expected) => {
    expect(findPlanByTitle(text, PLANS, { rightAfter: '4.2.1' })).toEqual(expected);
  });
});

describe('planKeyProblem and isPlanKey', () => {
  it.each(['audit-2018', 'concerto-2017', 'hmicfrs-2018', 'ab', 'a1', 'q1-2018-review', 'x'.repeat(PLAN_KEY_MAX)])('%j is a key', (key) => {
    expect(planKeyProblem(key)).toBeNull();
    expect(isPlanKey(key)).toBe(true);
  });

  it.each(['Audit-2018', '2018-audit', 'audit--2018', 'audit-', '-audit', 'audit 2018', 'audit_2018', 'a', 'x'.repeat(PLAN_KEY_MAX + 1), '4.2.1', 'audit/2018'])(
    '%j is not a key, and the sentence says what would do',
    (key) => {
      const problem = planKeyProblem(key);
      expect(problem).toBe(
        `"${key}" cannot be a plan key: use 2 to ${PLAN_KEY_MAX} lower-case letters, digits and single hyphens, starting with a letter, such as audit-2018.`,
      );
      expect(isPlanKey(key)).toBe(false);
    },
  );

  it('an empty or blank key is named as such', () => {
    expect(planKeyProblem('')).toMatch(/^An empty key cannot be a plan key: /);
    expect(planKeyProblem('   ')).toMatch(/^An empty key cannot be a plan key: /);
  });
});

describe('suggestPlanKeys', () => {
  const known = ['audit-2018', 'concerto-2017', 'hmicfrs-2018', 'hmicfrs-2019'];
  it.each<[string, string[]]>([
    // 2018 is one swap away, 2019 two: both near, nearest first.
    ['hmicfrs-2081', ['hmicfrs-2018', 'hmicfrs-2019']],
    ['hmicfrs-201', ['hmicfrs-2018', 'hmicfrs-2019']],
    ['audit-2019', ['audit-2018']],
    ['AUDIT-2018', ['audit-2018']],
    ['concerto', ['concerto-2017']],
    ['concerto-2071', ['concerto-2017']],
    ['zebra-1999', []],
  ])('%j → %j', (wanted, near) => {
    expect(suggestPlanKeys(wanted, known)).toEqual(near);
  });

  it('keeps to the limit, nearest first', () => {
    expect(suggestPlanKeys('hmicfrs-2018', known, 1)).toEqual(['hmicfrs-2018']);
    expect(suggestPlanKeys('anything', [])).toEqual([]);
  });
});

describe('unknownPlanMessage', () => {
  it('suggests the near keys', () => {
    expect(unknownPlanMessage('hmicfrs-2081', ['concerto-2017', 'hmicfrs-2018'])).toBe('There is no plan hmicfrs-2081 — did you mean hmicfrs-2018?');
    expect(unknownPlanMessage('hmicfrs-201', ['hmicfrs-2018', 'hmicfrs-2019'])).toBe('There is no plan hmicfrs-201 — did you mean hmicfrs-2018 or hmicfrs-2019?');
  });
  it('lists the plans there are when nothing is near', () => {
    expect(unknownPlanMessage('zebra-1999', KEYS)).toBe('There is no plan zebra-1999. The plans are: audit-2018, concerto-2017.');
  });
  it('says how to make one when there are none', () => {
    expect(unknownPlanMessage('audit-2018', [])).toMatch(/^There is no plan audit-2018: there are no plans yet\. Create one with `plan create KEY --title "…"`/);
  });
});

describe('keyFromTitle', () => {
  it.each<[string, string, string]>([
    ['Concerto Action Plan', '2017-10-04', 'concerto-2017'],
    ['Internal audit 2018', '2018-01-15', 'internal-2018'],
    ['  HMICFRS inspection ', '2018-03-01', 'hmicfrs-2018'],
    ["O'Brien's review", '2019-05-05', 'obriens-2019'],
    ['2018 audit', '2018-01-15', 'plan2018-2018'],
    ['', '2018-01-15', 'plan-2018'],
    ['Supercalifragilisticexpialidocious-and-more words', '2020-02-02', 'supercalifragilisticexpialidoc-2020'],
  ])('%j, %s → %s', (title, asOf, key) => {
    expect(keyFromTitle(title, asOf)).toBe(key);
    expect(isPlanKey(key)).toBe(true);
  });
});

describe('parseIntent: plan commands', () => {
  const rows: Array<[string, Intent]> = [
    ['plans', { kind: 'plans' }],
    ['list plans', { kind: 'plans' }],
    ['which plans are there?', { kind: 'plans' }],
    ['what are the plans', { kind: 'plans' }],
    ['what plans do we have?', { kind: 'plans' }],
    ['show me all the plans', { kind: 'plans' }],
    ['which plans are active?', { kind: 'plans' }],
    ['how many plans are there?', { kind: 'plans' }],
    ['what action plans are we tracking?', { kind: 'plans' }],
    ['use audit-2018', { kind: 'use', key: 'audit-2018' }],
    ['use plan Audit-2018', { kind: 'use', key: 'audit-2018' }],
    // Words of its title, "plan" last; where questions go now; the admin's archive without "plan".
    ['use the audit plan', { kind: 'use', key: 'audit', byTitle: true }],
    ['switch back to the Internal Audit 2018 plan', { kind: 'use', key: 'internal audit 2018', byTitle: true }],
    ['what plan am I using?', { kind: 'which_plan' }],
    ['which plan is this?', { kind: 'which_plan' }],
    ['what plan is this channel on?', { kind: 'which_plan' }],
    ['who are the admins?', { kind: 'plans' }],
    ['who administers the plan?', { kind: 'plans' }],
    ['which plan does this channel use?', { kind: 'which_plan' }],
    ['archive audit-2018', { kind: 'plan_state', key: 'audit-2018', state: 'archived' }],
    ['restore the plan audit-2018', { kind: 'plan_state', key: 'audit-2018', state: 'active' }],
    ['plan create audit-2018 --title "A b"', { kind: 'plan_create', key: 'audit-2018', settings: { title: 'A b' } }],
    ['plan create audit-2018 --title Internal audit 2018 --as-of 2018-01-15', { kind: 'plan_create', key: 'audit-2018', settings: { title: 'Internal audit 2018', asOf: '2018-01-15' } }],
    ['plan create audit-2018 --title “Smart quotes” --timezone Europe/London', { kind: 'plan_create', key: 'audit-2018', settings: { title: 'Smart quotes', timeZone: 'Europe/London' } }],
    ['plan create audit-2018 --title=Audit', { kind: 'plan_create', key: 'audit-2018', settings: { title: 'Audit' } }],
    // The quotes hold the value together and are not part of it, with = as with a space.
    ['plan create audit-2018 --title="A b"', { kind: 'plan_create', key: 'audit-2018', settings: { title: 'A b' } }],
    ['plan create audit-2018', { kind: 'plan_create', key: 'audit-2018', settings: {} }],
    ['plan new Audit-2018 --title "x"', { kind: 'plan_create', key: 'audit-2018', settings: { title: 'x' } }],
    [
      'plan set audit-2018 --home-channel <#C0123ABC|x> --admins U01,U02',
      { kind: 'plan_set', key: 'audit-2018', settings: { homeChannel: '<#C0123ABC|x>', admins: 'U01,U02' } },
    ],
    [
      'plan set audit-2018 --digest-channel C0456 --holidays scotland --time-zone America/New_York',
      { kind: 'plan_set', key: 'audit-2018', settings: { digestChannel: 'C0456', holidays: 'scotland', timeZone: 'America/New_York' } },
    ],
    ['plan set audit-2018 --admins U01 U02', { kind: 'plan_set', key: 'audit-2018', settings: { admins: 'U01 U02' } }],
    ['plan archive audit-2018', { kind: 'plan_state', key: 'audit-2018', state: 'archived' }],
    ['plan restore audit-2018', { kind: 'plan_state', key: 'audit-2018', state: 'active' }],
    ['plan unarchive audit-2018', { kind: 'plan_state', key: 'audit-2018', state: 'active' }],
  ];
  it.each(rows)('%j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('an unknown flag is not understood, with a reason that lists the settings', () => {
    const intent = parseIntent('plan set audit-2018 --colour blue');
    expect(intent).toMatchObject({ kind: 'unknown' });
    const reason = (intent as Extract<Intent, { kind: 'unknown' }>).reason;
    expect(reason).toBe('I don\'t know the plan setting "--colour". Settings are --title, --timezone, --holidays, --admins, --home-channel, --digest-channel, --sign-off.');
  });

  it('a flag with no value is not understood, with an example', () => {
    const intent = parseIntent('plan create audit-2018 --title');
    expect(intent).toMatchObject({ kind: 'unknown', reason: '--title needs a value, e.g. --title "Internal audit 2018".' });
  });

  it('a bare word where a flag goes is not understood', () => {
    expect(parseIntent('plan create audit-2018 Internal audit')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('"Internal"') });
  });

  it('"plan" inside an ordinary question is not a plan command', () => {
    expect(parseIntent('what did the plan look like on 1 October').kind).not.toMatch(/^plan/);
    expect(parseIntent('status 4.2.1')).toEqual({ kind: 'status', id: '4.2.1' });
  });
});

describe('every plan named', () => {
  it.each<[string, string | null]>([
    ["what's overdue across all plans?", "what's overdue?"],
    ['what is overdue in every plan', 'what is overdue'],
    ['open items for all the plans', 'open items'],
    ["what's overdue for me across our plans?", "what's overdue for me?"],
    ['status 4.2.1 in all plans', 'status 4.2.1'],
    ["what's overdue for Karen everywhere?", "what's overdue for Karen?"],
    ['how are both plans doing?', 'how are we doing?'],
    ['how are all the plans looking?', 'how are we looking?'],
    ['what is due in both plans this month', 'what is due this month'],
    // "plans" in someone's own words, or one plan, is no such mention.
    ["what's overdue in the plan?", null],
    ['update 4.2.1 plans agreed', null],
  ])('%s', (text, rest) => {
    expect(findEveryPlan(text)?.text ?? null).toBe(rest);
  });
});

