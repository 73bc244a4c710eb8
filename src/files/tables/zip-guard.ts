import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** An .xlsx is unpacked whole in memory by exceljs (a .docx is streamed, but bounded the same way), so what it may unpack to is capped first. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_UNPACK_RATIO = 100;
/**
 * Below this a file may always unpack, whatever its ratio: a plan typed from a template repeats the same
 * XML thousands of times and compresses past 100 to 1, yet a few MB of it is no danger to anyone.
 */
export const ALWAYS_UNPACKED_BYTES = 20 * 1024 * 1024;
/** [Content_Types].xml lists a few dozen parts; anything far larger is not an Office file's. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

export type ZipLook =
  | { ok: true; office: 'docx' | 'xlsx' | null }
  | { ok: false; problem: 'damaged' | 'encrypted' }
  | { ok: false; problem: 'bomb'; unpacked: number; limit: number };

/**
 * Reads the zip's central directory (yauzl) to decide what it is and whether it is safe to hand to the
 * format's library: the sizes the entries declare are added up before anything is inflated, then every
 * entry is inflated once as a stream and thrown away, because a crafted zip can declare less than it holds
 * and yauzl stops a stream the moment it passes the size declared.
 */
export async function lookInsideZip(buffer: Buffer): Promise<ZipLook> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  try {
    const entries: yauzl.Entry[] = [];
    let unpacked = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) return { ok: false, problem: 'encrypted' };
      entries.push(entry);
      unpacked += entry.uncompressedSize;
    }
    const limit = Math.min(MAX_UNPACKED_BYTES, Math.max(ALWAYS_UNPACKED_BYTES, MAX_UNPACK_RATIO * buffer.byteLength));
    if (unpacked > limit) return { ok: false, problem: 'bomb', unpacked, limit };

    let office: 'docx' | 'xlsx' | null = null;
    for (const entry of entries) {
      const keep = entry.fileName === '[Content_Types].xml' && entry.uncompressedSize <= MAX_CONTENT_TYPES_BYTES;
      const bytes = await drain(await zip.openReadStreamPromise(entry), keep);
      if (keep) office = officeKind(bytes.toString('utf8'));
    }
    return { ok: true, office };
  } catch {
    return { ok: false, problem: 'damaged' };
  } finally {
    zip.close();
  }
}

/** The main part's content type says what the package is, whatever the file is called. */
function officeKind(contentTypes: string): 'docx' | 'xlsx' | null {
  if (/wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled/i.test(contentTypes)) return 'docx';
  if (/spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled/i.test(contentTypes)) return 'xlsx';
  return null;
}

async function drain(stream: Readable, keep: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) if (keep) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
