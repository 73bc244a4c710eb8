#!/usr/bin/env node
// Compiles src/ to dist/ (ESM JavaScript, one file per module, same layout) with esbuild, so the
// `concerto` command starts without transpiling TypeScript. Type checking is `npm run typecheck`'s
// job; this only strips types. `npm ci` runs it through `prepare`; the test suite runs it first.
// The new tree is written beside dist/ and swapped in, so a process starting meanwhile never sees half a build.
import { readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const next = path.join(root, `dist.next-${process.pid}`);
const old = path.join(root, `dist.old-${process.pid}`);

const entryPoints = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
  .map((e) => path.join(e.parentPath, e.name));

// BUILT carries the moment the sources were read: a file saved during the build is newer, so the build is stale.
const started = new Date();
await build({ entryPoints, outdir: next, outbase: src, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
writeFileSync(path.join(next, 'BUILT'), `${started.toISOString()}\n`);
utimesSync(path.join(next, 'BUILT'), started, started);
try {
  renameSync(dist, old);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
