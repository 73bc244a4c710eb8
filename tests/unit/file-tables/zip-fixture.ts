import { Readable } from 'node:stream';
import yazl from 'yazl';

export const WORD_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

export const XLSX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

export interface ZipEntry {
  name: string;
  /** A buffer, or a count of zero bytes streamed in 1 MB pieces so a huge entry never sits in memory. */
  data: Buffer | { zeros: number };
  compress?: boolean;
}

/** A zip written by yazl, a library this project did not write. */
export async function zipOf(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (Buffer.isBuffer(e.data)) zip.addBuffer(e.data, e.name, { compressionLevel: e.compress === false ? 0 : 9 });
    else {
      const total = e.data.zeros;
      zip.addReadStreamLazy(e.name, { size: total, compressionLevel: 9 }, (cb) => cb(null, Readable.from(zeros(total))));
    }
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function* zeros(total: number): Generator<Buffer> {
  const mb = Buffer.alloc(1024 * 1024);
  for (let left = total; left > 0; left -= mb.length) yield left >= mb.length ? mb : mb.subarray(0, left);
}

/**
 * Rewrites a field of every central directory record (the directory readers trust), as a crafted zip
 * would: offset 8 is the flags (bit 0: encrypted), offset 24 the uncompressed size.
 */
export function patchCentralDirectory(zip: Buffer, field: 'flags' | 'uncompressedSize', value: number): Buffer {
  const out = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = out.indexOf(signature); at >= 0; at = out.indexOf(signature, at + 4)) {
    if (field === 'flags') out.writeUInt16LE(out.readUInt16LE(at + 8) | value, at + 8);
    else out.writeUInt32LE(value, at + 24);
  }
  return out;
}
