#!/usr/bin/env -S node --max-semi-space-size=8 --v8-pool-size=2
// The `concerto` command. It runs the bundled JavaScript in dist/bundle/ (built by `npm ci` through `prepare`,
// and by `npm run build`) while that build is newer than every file in src/; otherwise, after an edit
// and before the next build, it runs the TypeScript through tsx, which is slower to start but never stale.
// The line above starts Node with semi-spaces of 8 MB instead of 16 (a young generation half the size): a server
// under 50 concurrent requests peaked about 30 MB lower on the embedded database, at the same latency. And with
// two of V8's helper threads (garbage collection and compiling in the background) instead of Node's four: each
// helper that allocates keeps its own pool of memory, and a server under the same load peaked 10–30 MB lower
// on the embedded database, a one-shot `ask` 30 MB lower, at the same speed (bench/NOTES.md). V8 reads both only
// as the process starts, so they are given here; whoever starts this file as `node bin/concerto.mjs` passes them.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function buildIsCurrent() {
  let built;
  try {
    built = statSync(path.join(root, 'dist', 'BUILT')).mtimeMs;
  } catch {
    return false;
  }
  for (const e of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && statSync(path.join(e.parentPath, e.name)).mtimeMs > built) return false;
  }
  return true;
}

if (buildIsCurrent()) {
  await import('../dist/bundle/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
