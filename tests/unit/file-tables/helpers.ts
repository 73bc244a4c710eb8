import { expect } from 'vitest';
import type { DocumentTables } from '../../../src/files/tables/read-document-tables.js';

/** The successful reading, or the test fails showing the sentence that refused the file. */
export function tablesOf(reading: DocumentTables): Extract<DocumentTables, { ok: true }> {
  if (!reading.ok) expect.fail(reading.error);
  return reading;
}
