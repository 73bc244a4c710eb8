import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest's global setup: compile src/ to dist/ once before the suite, so every spawned `concerto`
 * runs the JavaScript of this very checkout (bin/concerto.mjs would fall back to tsx on a stale build,
 * correct but slow). About a second.
 */
export default function buildDist(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
