import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseInstant, reminderSettings, slackSettings } from '../../src/config.js';

describe('parseInstant: times without an offset are London wall-clock time, whatever the machine', () => {
  it.each([
    ['2017-10-04', '2017-10-04T12:00:00.000Z'],
    ['2017-11-20T08:30', '2017-11-20T08:30:00.000Z'], // GMT
    ['2017-07-20T09:00', '2017-07-20T08:00:00.000Z'], // BST
    ['2017-10-29T09:00', '2017-10-29T09:00:00.000Z'], // the morning the clocks went back
    ['2018-03-25T09:00', '2018-03-25T08:00:00.000Z'], // the morning they went forward
    ['2017-07-20T09:00Z', '2017-07-20T09:00:00.000Z'],
    ['2017-07-20T09:00+02:00', '2017-07-20T07:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseInstant(input).toISOString()).toBe(expected);
  });

  it('reads the wall-clock time in another zone when asked', () => {
    expect(parseInstant('2017-11-20T09:00', 'America/New_York').toISOString()).toBe('2017-11-20T14:00:00.000Z');
  });
});

describe('loadConfig: one line naming the variable', () => {
  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be a postgres/],
    [{ CONCERTO_NOW: 'yesterday' }, /^CONCERTO_NOW must be a date/],
    [{ PORT: 'eighty' }, /^PORT/],
    [{ CONCERTO_NUDGE_TIME: '25:00' }, /^CONCERTO_NUDGE_TIME must be a time/],
    [{ CONCERTO_DIGEST_DAY: 'Sunday' }, /^CONCERTO_DIGEST_DAY must be a weekday/],
    [{ CONCERTO_TIMEZONE: 'Mars/Olympus' }, /^CONCERTO_TIMEZONE must be an IANA timezone/],
    // Names are chosen by their owners in Slack: an admin named by name is refused, with how to find the id.
    [{ CONCERTO_ADMINS: 'U0ALICE1, Alice Admin' }, /^CONCERTO_ADMINS lists "Alice Admin", which is not a Slack user id\. .*Copy member ID/],
    [{ CONCERTO_ADMINS: 'ualice' }, /^CONCERTO_ADMINS lists "ualice"/],
    [{ CONCERTO_ADMINS: 'C0123ABCD' }, /^CONCERTO_ADMINS lists "C0123ABCD"/],
  ])('%o', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('takes Slack user ids for admins, including Enterprise Grid ones', () => {
    expect(loadConfig({ CONCERTO_ADMINS: 'U0123ABCD, W0ALICE9' } as NodeJS.ProcessEnv).CONCERTO_ADMINS).toEqual(['U0123ABCD', 'W0ALICE9']);
  });

  it('names the missing Slack setting', () => {
    expect(() => slackSettings(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' } as NodeJS.ProcessEnv))).toThrow(/^SLACK_SIGNING_SECRET is not set/);
    expect(slackSettings(loadConfig({} as NodeJS.ProcessEnv))).toBeNull();
  });

  it('documents its reminder defaults', () => {
    expect(reminderSettings(loadConfig({} as NodeJS.ProcessEnv))).toMatchObject({ daysBefore: [7, 1], overdueEveryDays: 7, staleAfterDays: 30, sendAtMinutes: 540, digestChannel: null, digestWeekday: 1 });
  });
});
