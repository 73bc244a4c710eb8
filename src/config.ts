import { dateFormatter } from './core/dates/formatter.js';
import { z } from 'zod';
import type { ReminderSettings } from './core/reminders/settings.js';

/**
 * The environment, parsed once at start-up. A missing or malformed setting is one line that
 * names the variable, never a stack trace.
 */
const instant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)');

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:00')
  .transform((t) => {
    const [h, m] = t.split(':').map(Number) as [number, number];
    return h * 60 + m;
  });

/** A member id as Slack issues it (W… on Enterprise Grid). */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const Env = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CONCERTO_DATA_DIR: z.string().trim().min(1).default('.concerto'),
  CONCERTO_NOW: instant.optional(),
  // Slack user ids only: people choose their own Slack names, and names are not unique.
  CONCERTO_ADMINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .superRefine((ids, ctx) => {
      const name = ids.find((a) => !SLACK_USER_ID.test(a));
      if (name !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `lists "${name}", which is not a Slack user id. Admins are named by user id (U0123ABCD), never by name, because Slack members choose their own names: in Slack open the person's profile, choose ⋮ → Copy member ID, and list the ids separated by commas`,
        });
      }
    }),
  CONCERTO_TIMEZONE: z
    .string()
    .trim()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA timezone such as Europe/London')
    .optional(),
  SLACK_BOT_TOKEN: z.string().trim().regex(/^xox[bp]-/, 'must be a bot token starting xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().trim().min(8, 'looks too short to be a signing secret').optional(),
  SLACK_APP_TOKEN: z.string().trim().regex(/^xapp-/, 'must be an app-level token starting xapp-').optional(),
  SLACK_API_URL: z.string().trim().url('must be a URL such as https://slack.com/api/').optional(),
  PORT: z.coerce.number().int().min(1, 'must be a port number').max(65535, 'must be a port number').default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  CONCERTO_DIGEST_CHANNEL: z.string().trim().regex(/^[CGD][A-Z0-9]+$/, 'must be a Slack channel id such as C0123ABCD').optional(),
  CONCERTO_DIGEST_DAY: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], { message: 'must be a weekday, monday to friday' }))
    .default('monday'),
  CONCERTO_DIGEST_TIME: clockTime.default(9 * 60),
  CONCERTO_NUDGE_TIME: clockTime.default(9 * 60),
  CONCERTO_NUDGE_DAYS_BEFORE: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\s*,\s*\d{1,3})*$/, 'must be a list of whole days such as 7,1')
    .default('7,1')
    .transform((s) => s.split(',').map((d) => Number(d.trim()))),
  CONCERTO_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365').default(7),
  CONCERTO_STALE_DAYS: z.coerce.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365').default(30),
});

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blank = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(blank);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(`${String(issue.path[0])} ${issue.message} (see "Configuration" in README.md).`);
}

/**
 * Turns "2017-10-04" or "2017-10-04T09:30" into an instant. A bare date means midday UTC, safely
 * inside that day in the UK; a time without an offset is wall-clock time in the given timezone
 * (the plan's), never the machine's.
 */
export function parseInstant(s: string, timeZone = 'Europe/London'): Date {
  const t = s.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return new Date(`${t}T12:00:00Z`);
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(t)) return new Date(t);
  const asUtc = new Date(`${t}Z`);
  // The zone's offset at that moment; a second pass settles times near a clock change.
  let instant = asUtc.getTime() - offsetMs(asUtc, timeZone);
  instant = asUtc.getTime() - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = dateFormatter('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at.getTime() / 1000) * 1000;
}

export function isInstant(s: string): boolean {
  return instant.safeParse(s).success;
}

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  appToken: string | null;
  apiUrl: string | null;
  port: number;
}

/**
 * Slack is configured when a bot token is set. HTTP mode needs the signing secret; Socket Mode
 * (SLACK_APP_TOKEN) needs it too, as Bolt verifies with it. Returns null when Slack is not configured.
 */
export function slackSettings(config: Config): SlackSettings | null {
  const any = config.SLACK_BOT_TOKEN || config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN;
  if (!any) return null;
  if (!config.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from the app\'s OAuth & Permissions page (see README.md).');
  if (!config.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET is not set: copy it from the app\'s Basic Information page (see README.md).');
  const apiUrl = config.SLACK_API_URL ? (config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/`) : null;
  return { botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN ?? null, apiUrl, port: config.PORT };
}

const WEEKDAYS = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5 } as const;

/** The reminder rules as configured (defaults documented in the README). */
export function reminderSettings(config: Config): ReminderSettings {
  return {
    daysBefore: config.CONCERTO_NUDGE_DAYS_BEFORE,
    overdueEveryDays: config.CONCERTO_OVERDUE_EVERY_DAYS,
    staleAfterDays: config.CONCERTO_STALE_DAYS,
    sendAtMinutes: config.CONCERTO_NUDGE_TIME,
    digestChannel: config.CONCERTO_DIGEST_CHANNEL ?? null,
    digestWeekday: WEEKDAYS[config.CONCERTO_DIGEST_DAY],
    digestAtMinutes: config.CONCERTO_DIGEST_TIME,
    digestDueWithinDays: 14,
    everyPlanAdmins: config.CONCERTO_ADMINS,
  };
}
