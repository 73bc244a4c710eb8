import { execFile } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's package for headless Chromium: what to install for PDF output. */
export const CHROMIUM_PACKAGE = 'chromium';

export const CHROMIUM_MISSING =
  `PDF output needs headless Chromium, which is not installed. On Debian or Ubuntu install the \`${CHROMIUM_PACKAGE}\` package ` +
  `(\`apt-get install ${CHROMIUM_PACKAGE}\`) and try again, or use --format html and print that page to PDF from a browser.`;

/** /usr/bin/chromium first (Debian's package puts it there), else `chromium` anywhere on PATH. */
export function findChromium(pathEnv: string = process.env.PATH ?? '', fixed: readonly string[] = ['/usr/bin/chromium']): string | null {
  const candidates = [...fixed, ...pathEnv.split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'chromium'))];
  return candidates.find(isExecutable) ?? null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Prints the page with headless Chromium into `out`. Everything Chromium touches (the page, its
 * profile, the PDF) lives in a fresh temporary directory, so runs never share state; the PDF is
 * copied to `out` only once it is complete.
 */
export async function htmlToPdf(html: string, out: string, chromium: string, timeoutMs = 120_000): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'concerto-pdf-'));
  try {
    const page = path.join(dir, 'paper.html');
    const pdf = path.join(dir, 'paper.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await run(chromium, args, timeoutMs);
    if (!isPdf(pdf)) throw new Error(`Chromium (${chromium}) finished without writing a PDF.`);
    copyFileSync(pdf, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const detail = String(stderr).trim().split('\n').slice(-5).join('\n');
      reject(new Error(`Chromium could not print the PDF (${err.killed ? `no answer within ${timeoutMs / 1000} s` : err.message.split('\n')[0]}).${detail ? `\n${detail}` : ''}`));
    });
  });
}

function isPdf(file: string): boolean {
  try {
    return readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';
  } catch {
    return false;
  }
}
