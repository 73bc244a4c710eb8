import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask/ask.js';
import type { Actor } from '../../src/core/ask/actor.js';
import { ReminderDataStore } from '../../src/store/reminder-data.js';
import { openAsk, owner, type AskHarness } from '../helpers/ask.js';

/**
 * A person's own nudges, typed: "snooze 4.1.1 for two weeks", "stop nudging me about 4.1.1", "resume reminders for
 * 4.1.1" keep the same preference the nudge's buttons keep, for the Slack user who typed it. Only an owner is nudged;
 * the terminal nudges nobody, so it says where to do it.
 */
describe('nudge preferences in words', () => {
  let h: AskHarness;
  let reminders: ReminderDataStore;
  let planId: number;
  const RACHEL: Actor = { id: 'U0RACHEL1', name: 'Rachel Wilkinson', owns: ['Rachel Wilkinson'], admin: false, source: 'slack' };
  const NOBODY: Actor = { id: 'U0NOBODY1', name: 'Someone Else', owns: [], admin: false, source: 'slack' };
  beforeAll(async () => {
    h = await openAsk();
    reminders = new ReminderDataStore(h.database.db);
    planId = (await h.store.plan())!.id;
  });
  afterAll(async () => h?.close());

  const talk = (text: string, actor: Actor = RACHEL, withPort = true) =>
    ask({ ...h.context({ actor, now: '2017-10-10T10:00:00Z', conversationKey: `nudges:${actor.id}:${text}` }), ...(withPort ? { nudges: reminders } : {}) }, text);
  const mine = async () => (await reminders.preferences(planId)).filter((p) => p.recipient === RACHEL.id && p.item === '4.1.1').map(({ snoozedUntil, muted }) => ({ snoozedUntil, muted }));

  it('snooze for a length of time, until a day, for a week by default', async () => {
    expect((await talk('snooze 4.1.1 for two weeks')).text).toBe('Snoozed: no nudges about 4.1.1 until 24 Oct 2017. Re-dating or reopening it starts them again.');
    expect(await mine()).toEqual([{ snoozedUntil: '2017-10-24', muted: false }]);
    await talk('snooze reminders for 4.1.1 until 1 November 2017');
    expect(await mine()).toEqual([{ snoozedUntil: '2017-11-01', muted: false }]);
    await talk('snooze 4.1.1');
    expect(await mine()).toEqual([{ snoozedUntil: '2017-10-17', muted: false }]);
  });

  it('stop, then resume', async () => {
    expect((await talk('stop nudging me about 4.1.1')).text).toMatch(/^You won't be nudged about 4\.1\.1 again unless it is re-dated or reopened\./);
    expect(await mine()).toEqual([{ snoozedUntil: null, muted: true }]);
    expect((await talk('resume reminders for 4.1.1')).text).toMatch(/^Nudges about 4\.1\.1 are back on/);
    expect(await mine()).toEqual([{ snoozedUntil: null, muted: false }]);
  });

  it('refuses a day already past, one over a year away, words that are no day; keeps nothing for them', async () => {
    const before = await reminders.preferences(planId);
    expect(await talk('snooze 4.1.1 until 1 October 2017')).toMatchObject({ error: 'invalid', text: expect.stringMatching(/is not after today/) });
    expect(await talk('snooze 4.1.1 until March 2019')).toMatchObject({ error: 'invalid', text: expect.stringMatching(/more than a year away; .*`stop nudging me about 4\.1\.1`/) });
    expect(await talk('snooze 4.1.1 until the cows come home')).toMatchObject({ error: 'unreadable_date' });
    expect(await reminders.preferences(planId)).toEqual(before);
  });

  it('someone who does not own the item is not nudged about it; the terminal says where to do it', async () => {
    const before = await reminders.preferences(planId);
    expect((await talk('snooze 4.1.1', NOBODY)).text).toBe("You aren't nudged about 4.1.1: only its owners (Rachel Wilkinson) are, so there is nothing to snooze.");
    expect(await talk('mute 4.1.1', owner('Rachel Wilkinson'), false)).toMatchObject({ error: 'invalid', text: expect.stringMatching(/^Nudges go to owners in Slack by direct message/) });
    expect(await reminders.preferences(planId)).toEqual(before);
  });
});
