import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './exit.js';

/**
 * Writes `out` whole or not at all: into a temporary file in the same folder, then renamed over it, so
 * a failure (a full disk, a render that throws, Ctrl-C) never leaves a half-written paper where the
 * board would pick it up. A path that cannot be written is the person's to fix, and says so.
 */
export async function writeFileWhole(out: string, body: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(4).toString('hex')}.part`);
  try {
    await writeFile(temporary, body);
    await rename(temporary, out);
  } catch (err) {
    await rm(temporary, { force: true });
    throw cannotWrite(out, err);
  }
}

function cannotWrite(out: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: `there is no folder ${path.dirname(out)}`,
    ENOTDIR: `${path.dirname(out)} is not a folder`,
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
  };
  return code && why[code] ? new UsageError(`Cannot write ${out}: ${why[code]}. Nothing was written; check the path and try again.`) : err;
}
