import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, htmlToPdf } from '../../../src/report/pdf.js';

const dir = mkdtempSync(path.join(tmpdir(), 'concerto-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding Chromium for PDF output', () => {
  it('finds nothing when it is neither at /usr/bin/chromium nor on PATH', () => {
    expect(findChromium('', [path.join(dir, 'none')])).toBeNull();
  });

  it('finds an executable `chromium` on PATH, and ignores one that cannot run', () => {
    const bin = path.join(dir, 'bin');
    const other = path.join(dir, 'other');
    for (const d of [bin, other]) mkdirSync(d);
    writeFileSync(path.join(other, 'chromium'), '');
    writeFileSync(path.join(bin, 'chromium'), '#!/bin/sh\n');
    chmodSync(path.join(bin, 'chromium'), 0o755);
    expect(findChromium([other, bin].join(path.delimiter), [])).toBe(path.join(bin, 'chromium'));
  });

  it('says which Debian package to install when it is missing', () => {
    expect(CHROMIUM_MISSING).toContain('`chromium` package');
    expect(CHROMIUM_MISSING).toContain('apt-get install chromium');
    expect(CHROMIUM_MISSING).toContain('--format html');
  });

  it('reports a Chromium that writes no PDF instead of leaving an empty file', async () => {
    const fake = path.join(dir, 'fake-chromium');
    writeFileSync(fake, '#!/bin/sh\nexit 0\n');
    chmodSync(fake, 0o755);
    const out = path.join(dir, 'out.pdf');
    await expect(htmlToPdf('<p>x</p>', out, fake)).rejects.toThrow(/without writing a PDF/);
  });
});
