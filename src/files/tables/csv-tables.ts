import { extname } from 'node:path';
import { parse, type Options } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { finishRows, plainCell, type TablesReading } from './source-rows.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Enough lines to see a table's shape past a title block, little enough to try each delimiter cheaply. */
const SAMPLE_LINES = 50;
/** Quotes in the middle of a field ("5" screen") and rows of any length are how people's files are. */
const TOLERANT: Options = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

/**
 * A CSV or TSV file as one table, its rows numbered as a spreadsheet numbers them when it opens the file.
 * The delimiter is the one that splits the most lines into the same number of fields; the encoding is
 * UTF-8 (with or without a byte order mark), UTF-16 with one, or else Windows-1252, which is what Excel
 * on Windows writes for "CSV" in Western Europe.
 */
export function csvTables(buffer: Buffer, fileName: string): TablesReading {
  const warnings: string[] = [];
  const text = decode(buffer, fileName, warnings);
  if (text.trim() === '') return { error: `${fileName} is empty: it has no table to read.` };
  const tsv = extname(fileName).toLowerCase() === '.tsv';
  const delimiter = delimiterOf(text, tsv);
  let records: string[][];
  try {
    records = parse(text, { ...TOLERANT, delimiter }) as string[][];
  } catch (e) {
    return { error: `${fileName} could not be read as ${tsv ? 'a TSV' : 'a CSV'} file: ${(e as Error).message.replace(/\.$/, '')}.` };
  }
  const rows = finishRows(records.map((record, i) => ({ number: i + 1, cells: record.map(plainCell) })));
  if (rows.length === 0) return { error: `${fileName} has no table: it holds only blank lines.` };
  return { tables: [{ name: tsv ? "the TSV file's table" : "the CSV file's table", rows }], title: null, warnings };
}

function decode(buffer: Buffer, fileName: string, warnings: string[]): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Node's TextDecoder reads "windows-1252" as Latin-1, losing "–", "€" and curly quotes; iconv-lite does not.
    warnings.push(`${fileName} is not UTF-8 text, so it was read as Windows-1252 (Western European); check accented letters and symbols such as £ and – in the preview.`);
    return iconv.decode(buffer, 'windows-1252');
  }
}

/**
 * Each delimiter is tried on the first lines with csv-parse itself, so quoted fields holding commas or
 * line breaks count as they will be read; the winner splits the most lines into the same number (two or
 * more) of fields, and then into the most fields.
 */
function delimiterOf(text: string, tsv: boolean): string {
  let best: { delimiter: string; lines: number; fields: number } = { delimiter: tsv ? '\t' : ',', lines: 0, fields: 0 };
  // On a tie the file's own kind wins: tab for .tsv, comma otherwise.
  for (const delimiter of tsv ? ['\t', ...DELIMITERS.filter((d) => d !== '\t')] : DELIMITERS) {
    let records: string[][];
    try {
      records = parse(text, { ...TOLERANT, delimiter, to_line: SAMPLE_LINES }) as string[][];
    } catch {
      continue;
    }
    const counts = new Map<number, number>();
    for (const r of records) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    for (const [fields, lines] of counts) {
      if (lines > best.lines || (lines === best.lines && fields > best.fields)) best = { delimiter, lines, fields };
    }
  }
  return best.delimiter;
}
