import { z } from 'zod';

/**
 * The environment, parsed once at start-up. A missing or malformed setting is one line that
 * names the variable, never a stack trace.
 */
const instant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)');

const Env = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CONCERTO_DATA_DIR: z.string().trim().min(1).default('.concerto'),
  CONCERTO_NOW: instant.optional(),
  CONCERTO_ADMINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
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

/** Turns "2017-10-04" or "2017-10-04T09:30" into an instant; a bare date means midday UTC, safely inside that day in the UK. */
export function parseInstant(s: string): Date {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return new Date(`${t}T12:00:00Z`);
  return new Date(t.replace(' ', 'T'));
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
