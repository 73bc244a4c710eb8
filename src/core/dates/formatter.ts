/**
 * Intl.DateTimeFormat instances, made once per locale, timezone and options. Building one costs
 * far more than using it (the profile of `/concerto status` showed "today" as a hot spot), and
 * every answer and every scheduler decision asks what day it is somewhere.
 */
const made = new Map<string, Intl.DateTimeFormat>();

export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let formatter = made.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    made.set(key, formatter);
  }
  return formatter;
}
