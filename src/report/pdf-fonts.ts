import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontName } from './pdf-layout.js';

/**
 * The paper's fonts, embedded (subset) in every PDF so its text looks the same everywhere and can be
 * selected and searched; none of the PDF standard 14 is used. Roboto (Apache 2.0, as shipped by pdfmake)
 * sets the paper. Roboto has no arrows, ticks, Hebrew or Arabic, so a paragraph holding characters it
 * lacks is set in DejaVu Sans (free licence, the dejavu-fonts-ttf package), which has them. A character
 * neither has (an emoji) is drawn as the font's blank glyph: it never stops the paper.
 */
const resolveHere = createRequire(import.meta.url);
const ROBOTO = path.join(path.dirname(resolveHere.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const DEJAVU = path.join(path.dirname(resolveHere.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

interface Family {
  files: Record<FontName, string>;
  names: Record<FontName, string>;
}

const FAMILIES: Family[] = [
  {
    files: { regular: path.join(ROBOTO, 'Roboto-Regular.ttf'), bold: path.join(ROBOTO, 'Roboto-Medium.ttf'), italic: path.join(ROBOTO, 'Roboto-Italic.ttf') },
    names: { regular: 'Roboto', bold: 'Roboto-Medium', italic: 'Roboto-Italic' },
  },
  {
    files: { regular: path.join(DEJAVU, 'DejaVuSans.ttf'), bold: path.join(DEJAVU, 'DejaVuSans-Bold.ttf'), italic: path.join(DEJAVU, 'DejaVuSans-Oblique.ttf') },
    names: { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique' },
  },
];

/** The main family's names: what the page furniture and the charts use. */
export const FONT_NAMES = FAMILIES[0]!.names;

export interface PaperFonts {
  register(doc: PDFKit.PDFDocument): void;
  /** The registered font for a text: the main family, unless the fallback draws more of it. */
  fontFor(text: string, face: FontName): string;
}

let loading: Promise<PaperFonts> | null = null;

/** Read once per process, when the first PDF is made. */
export function paperFonts(): Promise<PaperFonts> {
  return (loading ??= load());
}

async function load(): Promise<PaperFonts> {
  const { create } = await import('fontkit');
  const data = new Map<string, Buffer>();
  for (const f of FAMILIES) for (const face of Object.keys(f.files) as FontName[]) data.set(f.names[face], readFileSync(f.files[face]));
  // Per family, the code points its regular face draws (the other faces of each family cover the same).
  const covers = FAMILIES.map((f) => new Set(create(data.get(f.names.regular)!).characterSet));
  return {
    register: (doc) => {
      for (const [name, buffer] of data) doc.registerFont(name, buffer);
    },
    fontFor: (text, face) => fontFor(covers, text, face),
  };
}

function fontFor(covers: Array<Set<number>>, text: string, face: FontName): string {
  let missing = 0;
  let missingElsewhere = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || covers[0]!.has(cp)) continue;
    missing++;
    if (!covers[1]!.has(cp)) missingElsewhere++;
  }
  return FAMILIES[missing > missingElsewhere ? 1 : 0]!.names[face];
}
