import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli, tempDirs, type CliResult, namedSteps } from '../helpers/cli.js';
import { boardPaperPdf, bundled, seedDocx, seedPdf, trackerXlsx } from '../helpers/plan-documents.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * `concerto import FILE` for a plan in the document it lives in, through the real process. Spawning is
 * slow, so one data directory and one sequence of commands, run once in order; each `it` checks a step.
 * Around every command that must write nothing, each file under the data directory is hashed before and
 * after: "nothing written" means the directory is byte-for-byte the same.
 */

const dirs = tempDirs();
let dataDir: string;
let files: string;
const results: Record<string, CliResult> = {};
/** What each no-write step changed under the data directory. */
const changes: Record<string, DirChanges> = {};

interface DirChanges {
  changed: string[];
  added: string[];
  removed: string[];
}

/** Every file under `dir`, recursively: its path from `dir` → a hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>): DirChanges {
  return {
    changed: [...after].filter(([f, h]) => before.has(f) && before.get(f) !== h).map(([f]) => f).sort(),
    added: [...after.keys()].filter((f) => !before.has(f)).sort(),
    removed: [...before.keys()].filter((f) => !after.has(f)).sort(),
  };
}

const NOTHING: DirChanges = { changed: [], added: [], removed: [] };

const file = (name: string) => path.join(files, name);

/** The sequence: [step name, arguments, whether the step must leave the data directory as it was]. */
const STEPS: Array<[string, () => string[], boolean]> = [
  ['seed', () => ['seed'], false],
  ['docx-preview', () => ['import', file('seed.docx'), '--plan', 'word-2017', '--dry-run', '--json'], true],
  ['docx-import', () => ['import', file('seed.docx'), '--plan', 'word-2017', '--yes'], false],
  ['ask', () => ['ask', 'status 9.2.2 in word-2017'], false],
  ['tracker-preview', () => ['import', file('tracker.xlsx'), '--plan', 'tracker-2017', '--dry-run'], true],
  ['pdf-preview', () => ['import', file('seed.pdf'), '--plan', 'pdf-2017', '--dry-run', '--json'], true],
  ['paper-preview', () => ['import', file('board-paper.pdf'), '--plan', 'paper-2017', '--dry-run', '--json'], true],
  ['bad', () => ['import', file('bad.docx')], true],
  // A document of an earlier day: its yearless dates and undated updates are read as of the day it gives.
  ['dated-import', () => ['import', file('risk.csv'), '--plan', 'risk-2019', '--yes', '--as-of', '2019-01-15'], false],
  ['dated-ask', () => ['ask', 'status A1 in risk-2019', '--as-of', '2019-03-01'], false],
];

beforeAll(async () => {
  const root = dirs.make('concerto-e2e-document-import-');
  dataDir = path.join(root, 'data');
  files = path.join(root, 'files');
  mkdirSync(files);
  writeFileSync(file('seed.docx'), await seedDocx());
  writeFileSync(file('tracker.xlsx'), await trackerXlsx());
  writeFileSync(file('seed.pdf'), await seedPdf());
  writeFileSync(file('board-paper.pdf'), await boardPaperPdf());
  writeFileSync(file('risk.csv'), 'Ref,Recommendation,Owner,Target Date,Update\nA1,Review the risk register,Head of Risk,Summer,Terms of reference drafted\n');
  // Random bytes named .docx: not a zip, not a PDF, not text.
  const random = seededRandom(13);
  writeFileSync(file('bad.docx'), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));

  for (const [name, args, readOnly] of STEPS) {
    const before = readOnly ? snapshot(dataDir) : null;
    results[name] = await runCli(args(), { dataDir });
    if (before) changes[name] = diff(before, snapshot(dataDir));
  }
}, STEPS.length * CLI_TIMEOUT + 60_000);
afterAll(() => dirs.cleanup());

const { step, ok } = namedSteps(results);
const json = (name: string) => {
  const lines = ok(name).split('\n').filter(Boolean);
  expect(lines, `${name} prints one JSON object`).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
};

const THEMES = [...new Set(bundled.recommendations.map((r) => r.theme))];

describe('concerto import FILE: a plan from the document it lives in', () => {
  it('seed loads the bundled plan', () => {
    expect(ok('seed')).toMatch(/^Bundled plan \(concerto-2017, created\): 30 added, /);
  });

  it('`import seed.docx --plan word-2017 --dry-run --json` prints the preview as data and exits 0', () => {
    const preview = json('docx-preview');
    expect(preview).toMatchObject({
      file: file('seed.docx'),
      kind: 'docx',
      plan: 'word-2017',
      table: 'table 1',
      why: 'the only table with a recommendation-number column and 30 numbered rows',
      headerRow: 1,
      ignoredColumns: [],
      items: 30,
      themes: THEMES,
      flaggedDates: [],
      duplicates: [],
      warnings: [],
    });
    expect(preview.columns).toEqual(
      (['id', 'text', 'owner', 'update', 'delivery', 'status'] as const).map((field, i) => ({
        field,
        column: i + 1,
        heading: ['Recommendation No', 'Recommendation', 'Owner', 'Update', 'Delivery Date', 'Status'][i],
        how: 'heading',
      })),
    );
    const sample = preview.sample as Array<Record<string, unknown>>;
    expect(sample.map((s) => s.id)).toEqual(['1.1', '3.4', '3.6']);
    expect(sample[0]).toMatchObject({ theme: 'What is BCH Collaboration', owners: ['Karen Georgiou', 'Portfolio Office'], delivery: 'September 2017', status: 'awaiting_decision' });
    expect(sample[1]).toMatchObject({ delivery: 'June 2017', status: 'complete' });
    expect((preview.skipped as Array<{ reason: string }>).map((s) => s.reason)).toEqual([
      '"9.1 | Business as Usual:" heads the numbers below it (9.1.1…), not a recommendation',
      '"9.2 | Governance:" heads the numbers below it (9.2.1…), not a recommendation',
      '"9.3 | Accountability:" heads the numbers below it (9.3.1…), not a recommendation',
    ]);
    // A new plan: there is nothing to add to or change.
    expect(preview).not.toHaveProperty('effect');
  });

  it('the dry run leaves the data directory byte-for-byte as it was', () => {
    expect(changes['docx-preview']).toEqual(NOTHING);
  });

  it('`import seed.docx --plan word-2017 --yes` imports the 30 items into a new plan', () => {
    const out = ok('docx-import');
    expect(out).toContain(`${file('seed.docx')}: table 1 — the only table with a recommendation-number column and 30 numbered rows`);
    expect(out).toMatch(new RegExp(`Imported ${file('seed.docx').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} into word-2017 \\(a new plan\\): 30 added, 0 changed, 0 unchanged, \\d+ updates added\\.\\n$`));
  });

  it('`ask "status 9.2.2 in word-2017"` shows the owner of the cell merged down over 9.2.1–9.2.2', () => {
    const out = ok('ask');
    expect(out).toContain('9.2.2');
    expect(out).toContain('PCC’s');
  });

  it('`import tracker.xlsx --plan tracker-2017 --dry-run` says the RAG column is read and not used as a status, and writes nothing', () => {
    const out = ok('tracker-preview');
    expect(out).toContain(`${file('tracker.xlsx')}: sheet Action tracker — the only table with a recommendation-number column and 30 numbered rows`);
    expect(out).toContain('Header on row 5. Columns: id ← "Ref" (column 1); text ← "Action" (column 2); owner ← "Action owner" (column 3); delivery ← "Target date" (column 4); update ← "Progress update" (column 5); rag ← "RAG" (column 6).');
    expect(out).toContain(`30 items, ${THEMES.length} themes,`);
    expect(out).toContain('RAG column ("RAG") read, not used as a status: Concerto rates RAG from each item\'s dates and status');
    expect(out).toContain('Into a new plan tracker-2017, "BCH Collaboration – Action Plan Tracker", made from this document.');
    expect(changes['tracker-preview']).toEqual(NOTHING);
  });

  it('`import seed.pdf --dry-run --json` maps the seed\'s four columns and reads 30 items, writing nothing', () => {
    const preview = json('pdf-preview');
    expect(preview).toMatchObject({ kind: 'pdf', plan: 'pdf-2017', table: "the PDF's table", items: 30, themes: THEMES });
    expect((preview.columns as Array<{ field: string; heading: string }>).map((c) => [c.field, c.heading])).toEqual([
      ['id', 'Recommendation No'],
      ['owner', 'Owner'],
      ['update', 'Update'],
      ['delivery', 'Delivery Date'],
    ]);
    expect(changes['pdf-preview']).toEqual(NOTHING);
  });

  it("`import board-paper.pdf --dry-run --json` maps Concerto's own paper, its RAG column as RAG, writing nothing", () => {
    const preview = json('paper-preview');
    expect(preview).toMatchObject({ kind: 'pdf', plan: 'paper-2017', table: "the PDF's table", items: 30 });
    expect((preview.columns as Array<{ field: string; heading: string }>).map((c) => [c.field, c.heading])).toEqual([
      ['id', 'Recommendation No'],
      ['owner', 'Owner'],
      ['update', 'Update'],
      ['delivery', 'Delivery Date'],
      ['status', 'Status'],
      ['rag', 'RAG'],
    ]);
    expect(changes['paper-preview']).toEqual(NOTHING);
  });

  it('`import risk.csv --as-of 2019-01-15`: "Summer" is the summer of 2019, and the undated update is dated the document\'s day', () => {
    expect(ok('dated-import')).toMatch(/^Imported .*risk\.csv into risk-2019 \(a new plan\): 1 added/m);
    const card = ok('dated-ask');
    expect(card).toContain('Delivery: Summer (1 Jun – 31 Aug 2019)');
    expect(card).toContain('— 15 Jan 2019: Terms of reference drafted');
  });

  it('`import bad.docx` (random bytes) exits 1 with one sentence, and nothing is written', () => {
    const r = step('bad');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${file('bad.docx')} is not a Word document, an Excel workbook, a PDF or a text file, whatever its name says. Nothing was imported.\n`);
    expect(changes.bad).toEqual(NOTHING);
  });
});
