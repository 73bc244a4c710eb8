/**
 * Plain text made safe for Markdown: characters that would format, link or open raw HTML are
 * escaped, and line starts that would make a heading, quote or list are escaped too, so the
 * board's words come out exactly as written when rendered.
 */
export function mdText(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([#>+\-=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join(`  \n${indent}`);
}
