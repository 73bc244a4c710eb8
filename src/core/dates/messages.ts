/** Examples of what the reader understands, for any code that wants to show them. */
export const READABLE_EXAMPLES = [
  'a month ("March 2018")',
  'a day ("31/03/2018")',
  'a quarter ("Q1 2018")',
  'a season ("autumn 2017")',
  '"end of next month"',
  '"TBC"',
] as const;

export const UNREADABLE_HELP = `Try ${READABLE_EXAMPLES.slice(0, -1).join(', ')}, or ${READABLE_EXAMPLES.at(-1)}.`;

/** One friendly line: what could not be read, why (when we know), and what would work. */
export function unreadable(text: string, reason?: string): string {
  const shown = text.replace(/\s+/g, ' ').trim();
  return `I can't read "${shown}" as a date${reason ? `: ${reason}` : ''}. ${UNREADABLE_HELP}`;
}
