#!/usr/bin/env node
// Bundles src/ (from src/main.ts) with the libraries it uses into dist/bundle/ with esbuild, so the
// `concerto` command starts without transpiling TypeScript or resolving and reading hundreds of module
// files: on PostgreSQL `serve` is healthy in about 0.37 s instead of 0.65 s (BENCHMARKS.md). Type checking
// is `npm run typecheck`'s job; this only strips types. `npm ci` runs it through `prepare`; the test suite
// runs it first. The new tree is written beside dist/ and swapped in, so a process starting meanwhile
// never sees half a build.
//
// Code splitting keeps every dynamic import() a chunk of its own, loaded only when used (the paper's
// renderers, a database driver, chrono), as in the source. Libraries that read files relative to
// themselves (PGlite's WebAssembly, pdfkit's and pdfmake's fonts, pdf.js's worker) stay in node_modules.
import { existsSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const next = path.join(root, `dist.next-${process.pid}`);
const old = path.join(root, `dist.old-${process.pid}`);

const external = [
  '@electric-sql/pglite',
  'pdfjs-dist',
  'pdfkit',
  'pdfmake',
  'svg-to-pdfkit',
  'fontkit',
  'dejavu-fonts-ttf',
  'exceljs',
  'vega',
  'vega-lite',
  'chrono-node',
  'esbuild',
  'tsx',
];

// zod's `z` namespace re-exports every one of its locales (z.locales, z.core.locales): half a megabyte that every
// start read and compiled before the first line of Concerto ran. Concerto speaks English only, which zod takes from
// locales/en.js directly, so the locale index is replaced by one that gives English alone (`z.locales.en`).
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: 'locales', namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';\n", resolveDir: root }));
  },
};

// BUILT carries the moment the sources were read: a file saved during the build is newer, so the build is stale.
const started = new Date();
await build({
  entryPoints: [path.join(root, 'src', 'main.ts')],
  outdir: path.join(next, 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // CommonJS libraries inside an ES module bundle call require(); esbuild's shim uses it when it exists.
  banner: { js: "import { createRequire as __concertoCreateRequire } from 'node:module'; const require = __concertoCreateRequire(import.meta.url);" },
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});
// The source finds the migrations and the bundled plan at '../../db/…' from its own file (src/<dir>/<file>.ts);
// every bundle file sits at the same depth (dist/bundle/<file>.js), so those paths hold. Checked, not assumed:
for (const relative of ['../../db/migrations', '../../db/plans']) {
  const target = fileURLToPath(new URL(relative, pathToFileURL(path.join(next, 'bundle', 'main.js'))));
  if (!existsSync(target)) throw new Error(`build: ${relative} from dist/bundle/ would be ${target}, which does not exist`);
}
writeFileSync(path.join(next, 'BUILT'), `${started.toISOString()}\n`);
utimesSync(path.join(next, 'BUILT'), started, started);
try {
  renameSync(dist, old);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
