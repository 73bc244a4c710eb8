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
