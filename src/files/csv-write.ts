import { stringify } from 'csv-stringify/sync';

/**
 * CSV as every reader reads it: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF
 * between records, and RFC 4180 quoting of every field holding a line break of either kind, a quote
 * or a comma. csv-stringify on its own quotes a field only for the record delimiter (CRLF), so a
 * lone LF — owners one per line, a multi-line update — ended the record in LibreOffice, Python's
 * csv module and everything else.
 */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return stringify(rows as string[][], { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
