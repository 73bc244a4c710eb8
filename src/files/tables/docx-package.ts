import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import yauzl from 'yauzl';
import { MAX_UNPACKED_BYTES } from './zip-guard.js';

/**
 * The parts of a Word package (.docx) that docx-tables.ts needs besides the body: where the main document
 * is, and its paragraph styles and list numbering (which decide whether a paragraph is a heading or a list
 * item, as mammoth decided it before). Unzipped with yauzl and parsed with saxes, part by part as a stream,
 * so no part is ever held whole in memory; zip-guard.ts has already capped what the entries declare.
 */

/** The namespaces read, by the prefix mammoth gave them (WordprocessingML has a transitional and a strict one). */
const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

const UNBOUND = 'urn:concerto:unbound-prefix';

/** "w:p", "mc:Fallback", "rel:Relationship"; "{uri}local" for a namespace not read; the bare name with none. */
export function nameOf(node: { uri: string; local: string }): string {
  if (!node.uri) return node.local;
  const prefix = PREFIXES[node.uri];
  return prefix ? `${prefix}:${node.local}` : `{${node.uri}}${node.local}`;
}

/** An attribute by its prefixed name ("w:val"), or its bare name when it has no namespace ("Target"). */
export function attributeOf(tag: SaxesTagNS, name: string): string | undefined {
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key]!;
    if (nameOf(attribute) === name) return attribute.value;
  }
  return undefined;
}

export interface XmlHandlers {
  open(tag: SaxesTagNS): void;
  close(tag: SaxesTagNS): void;
  text?(text: string): void;
}

/** The package's entries by name, read one at a time as streams. */
export class DocxPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** Throws when the buffer is not a zip. */
  static async open(buffer: Buffer): Promise<DocxPackage> {
    const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
    try {
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      return new DocxPackage(zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  close(): void {
    this.zip.close();
  }

  /**
   * Parses an entry's XML as it inflates, handing saxes's events to `handlers`. Throws when the XML is not
   * well-formed (saxes throws with no error handler set), or when the entry inflates past the size it declares.
   */
  async parse(path: string, handlers: XmlHandlers): Promise<void> {
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`no ${path} in the package`);
    if (entry.uncompressedSize > MAX_UNPACKED_BYTES) throw new Error(`${path} declares ${entry.uncompressedSize} bytes`);
    // A prefix no xmlns declares names an element nobody reads, as it did for mammoth's parser, rather than damage.
    const parser = new SaxesParser({ xmlns: true, position: false, resolvePrefix: () => UNBOUND });
    parser.on('opentag', handlers.open);
    parser.on('closetag', handlers.close);
    if (handlers.text) parser.on('text', handlers.text);
    const decoder = new StringDecoder('utf8');
    const stream = await this.zip.openReadStreamPromise(entry);
    let read = 0;
    for await (const chunk of stream) {
      read += (chunk as Buffer).length;
      // yauzl stops a stream that passes its declared size too (validateEntrySizes); this says so first.
      if (read > entry.uncompressedSize) throw new Error(`${path} inflates past its declared size`);
      const text = decoder.write(chunk as Buffer);
      if (text) parser.write(text);
    }
    const rest = decoder.end();
    if (rest) parser.write(rest);
    parser.close();
  }

  /** An entry parsed into a tree of the elements named in `keep` (and the root element), nothing else. */
  async tree(path: string, keep: ReadonlySet<string>): Promise<XmlNode> {
    const document: XmlNode = { name: '#document', depth: 0, attributes: {}, children: [] };
    const kept: XmlNode[] = [document];
    const depths: boolean[] = [];
    await this.parse(path, {
      open: (tag) => {
        const name = nameOf(tag);
        const keepIt = depths.length === 0 || keep.has(name);
        depths.push(keepIt);
        if (!keepIt) return;
        const attributes: Record<string, string> = {};
        for (const key in tag.attributes) {
          const attribute = tag.attributes[key]!;
          attributes[nameOf(attribute)] = attribute.value;
        }
        const node: XmlNode = { name, depth: depths.length, attributes, children: [] };
        kept.at(-1)!.children.push(node);
        kept.push(node);
      },
      close: () => {
        if (depths.pop()) kept.pop();
      },
    });
    return document;
  }
}

/**
 * An element of a pruned tree: kept elements hang from their nearest kept ancestor, each knowing its depth,
 * so "a child" (one level down) and "a descendant" still mean what they mean in the whole document.
 */
export interface XmlNode {
  name: string;
  depth: number;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** The first child element of that name, as mammoth's `first`. */
export function childOf(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.depth === node.depth + 1 && c.name === name);
}

/** Every descendant of that name in document order, as mammoth's `getElementsByTagName`. */
export function descendantsOf(node: XmlNode, name: string, found: XmlNode[] = []): XmlNode[] {
  for (const child of node.children) {
    if (child.name === name) found.push(child);
    descendantsOf(child, name, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Where the parts are

const OFFICE_DOCUMENT = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
];
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

interface Relationship {
  type: string;
  target: string;
}

async function relationshipsOf(pkg: DocxPackage, path: string): Promise<Relationship[]> {
  if (!pkg.has(path)) return [];
  const root = (await pkg.tree(path, new Set(['rel:Relationship']))).children[0];
  return (root?.children ?? [])
    .filter((c) => c.depth === 2 && c.name === 'rel:Relationship')
    .map((c) => ({ type: c.attributes['Type'] ?? '', target: c.attributes['Target'] ?? '' }));
}

/** mammoth's path joining: an absolute target replaces the base, no ".." resolved. */
function joinPath(...paths: string[]): string {
  let relevant: string[] = [];
  for (const path of paths.filter(Boolean)) relevant = path.startsWith('/') ? [path] : [...relevant, path];
  return relevant.join('/');
}

function splitPath(path: string): { dirname: string; basename: string } {
  const at = path.lastIndexOf('/');
  return at === -1 ? { dirname: '', basename: path } : { dirname: path.slice(0, at), basename: path.slice(at + 1) };
}

/** The first target of one of these types that is in the package, or the usual place. */
function partPath(pkg: DocxPackage, relationships: Relationship[], types: readonly string[], base: string, fallback: string): string {
  for (const r of relationships) {
    if (!types.includes(r.type)) continue;
    const path = joinPath(base, r.target).replace(/^\//, '');
    if (pkg.has(path)) return path;
  }
  return fallback;
}

export interface DocxParts {
  /** word/document.xml, or wherever the package's relationships put the main document. */
  document: string;
  styles: string;
  numbering: string;
}

/** Throws when the package has no main document part. */
export async function partsOf(pkg: DocxPackage): Promise<DocxParts> {
  const document = partPath(pkg, await relationshipsOf(pkg, '_rels/.rels'), OFFICE_DOCUMENT, '', 'word/document.xml');
  if (!pkg.has(document)) throw new Error('no main document part');
  const { dirname, basename } = splitPath(document);
  const related = await relationshipsOf(pkg, joinPath(dirname, '_rels', `${basename}.rels`));
  const part = (name: string) => partPath(pkg, related, [RELATIONSHIPS + name], dirname, `word/${name}.xml`);
  return { document, styles: part('styles'), numbering: part('numbering') };
}

// ---------------------------------------------------------------------------------------------------
// Headings and list items

/** What mammoth's default style map made of a paragraph: a heading (h1–h6), a list item, or a plain paragraph. */
export type ParagraphKind = 'p' | 'h' | 'li';

/** A paragraph's own properties: its style id and its w:numPr. */
export interface ParagraphProperties {
  styleId?: string | undefined;
  numId?: string | undefined;
  level?: string | undefined;
}

// Word's Title style counts: a document's title is most often written in it, above its first heading.
const HEADING_IDS = new Set(['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'Heading']);
const HEADING_NAMES = new Set(['TITLE', 'HEADING 1', 'HEADING 2', 'HEADING 3', 'HEADING 4', 'HEADING 5', 'HEADING 6', 'HEADING']);
/** Styles mammoth maps to a plain paragraph before it looks at numbering. */
const NOTE_NAMES = new Set(['FOOTNOTE TEXT', 'ENDNOTE TEXT', 'ANNOTATION TEXT', 'FOOTNOTE', 'ENDNOTE']);

interface Level {
  level: string;
  paragraphStyleId: string | undefined;
}

/**
 * mammoth's default style map, which the reading through HTML relied on: "Heading1"–"Heading6" and
 * "Heading" by style id, "heading 1"–"heading 6" and "Heading" by style name (any case), are headings; a
 * paragraph numbered at list level 1–5 is a list item; anything else is a paragraph ("Title" included).
 */
export class ParagraphStyles {
  private readonly levelsByStyle = new Map<string, Level>();

  constructor(
    private readonly names: ReadonlyMap<string, string | undefined> = new Map(),
    private readonly numberingStyles: ReadonlyMap<string, string | undefined> = new Map(),
    private readonly nums: ReadonlyMap<string, string | undefined> = new Map(),
    private readonly abstractNums: Readonly<Record<string, { levels: Record<string, Level>; numStyleLink: string | undefined }>> = {},
  ) {
    for (const abstractNum of Object.values(abstractNums)) {
      for (const level of Object.values(abstractNum.levels)) if (level.paragraphStyleId !== undefined) this.levelsByStyle.set(level.paragraphStyleId, level);
    }
  }

  kindOf(p: ParagraphProperties): ParagraphKind {
    const name = p.styleId ? this.names.get(p.styleId)?.toUpperCase() : undefined;
    if ((p.styleId !== undefined && HEADING_IDS.has(p.styleId)) || (name && HEADING_NAMES.has(name))) return 'h';
    if (name && NOTE_NAMES.has(name)) return 'p';
    const level = this.numberingOf(p);
    // mammoth compares the level with ==, so "" and " 1" count as numbers as they do there.
    const index = level ? Number(level.level) : NaN;
    return index === 0 || index === 1 || index === 2 || index === 3 || index === 4 ? 'li' : 'p';
  }

  private numberingOf(p: ParagraphProperties): Level | undefined {
    if (p.level !== undefined && p.numId !== undefined) return this.findLevel(p.numId, p.level, new Set());
    if (p.styleId !== undefined) {
      const byStyle = this.levelsByStyle.get(p.styleId);
      if (byStyle) return byStyle;
    }
    return p.numId !== undefined ? this.findLevel(p.numId, '0', new Set()) : undefined;
  }

  private findLevel(numId: string, level: string, seen: Set<string>): Level | undefined {
    if (seen.has(numId)) return undefined;
    seen.add(numId);
    if (!this.nums.has(numId)) return undefined;
    const abstractNum = this.abstractNums[this.nums.get(numId) ?? ''];
    if (!abstractNum) return undefined;
    if (abstractNum.numStyleLink === undefined) return abstractNum.levels[level];
    const linked = this.numberingStyles.get(abstractNum.numStyleLink);
    return linked === undefined ? undefined : this.findLevel(linked, level, seen);
  }
}

/** The styles part's paragraph style names and numbering styles, and the numbering part's lists, as mammoth reads them. */
export async function paragraphStylesOf(pkg: DocxPackage, parts: DocxParts): Promise<ParagraphStyles> {
  const names = new Map<string, string | undefined>();
  const numberingStyles = new Map<string, string | undefined>();
  if (pkg.has(parts.styles)) {
    const root = await pkg.tree(parts.styles, new Set(['w:style', 'w:name', 'w:pPr', 'w:numPr', 'w:numId']));
    for (const style of descendantsOf(root, 'w:style')) {
      const id = style.attributes['w:styleId'] ?? '';
      const type = style.attributes['w:type'];
      // The first definition of an id is the one that counts.
      if (type === 'paragraph' && !names.has(id)) names.set(id, childOf(style, 'w:name')?.attributes['w:val']);
      if (type === 'numbering' && !numberingStyles.has(id)) numberingStyles.set(id, childOf(childOf(childOf(style, 'w:pPr'), 'w:numPr'), 'w:numId')?.attributes['w:val']);
    }
  }
  const nums = new Map<string, string | undefined>();
  const abstractNums: Record<string, { levels: Record<string, Level>; numStyleLink: string | undefined }> = Object.create(null);
  if (pkg.has(parts.numbering)) {
    const keep = new Set(['w:abstractNum', 'w:lvl', 'w:pStyle', 'w:numStyleLink', 'w:num', 'w:abstractNumId']);
    const root = await pkg.tree(parts.numbering, keep);
    for (const element of descendantsOf(root, 'w:abstractNum')) {
      const levels: Record<string, Level> = Object.create(null);
      let withoutIndex: Level | undefined;
      for (const lvl of descendantsOf(element, 'w:lvl')) {
        const level = { level: lvl.attributes['w:ilvl'] ?? '0', paragraphStyleId: childOf(lvl, 'w:pStyle')?.attributes['w:val'] };
        // A level with no index stands for level 0 when there is no level 0 (a malformed file mammoth allows for).
        if (lvl.attributes['w:ilvl'] === undefined) withoutIndex = level;
        else levels[level.level] = level;
      }
      if (withoutIndex && levels['0'] === undefined) levels['0'] = withoutIndex;
      abstractNums[element.attributes['w:abstractNumId'] ?? ''] = { levels, numStyleLink: childOf(element, 'w:numStyleLink')?.attributes['w:val'] };
    }
    for (const num of descendantsOf(root, 'w:num')) nums.set(num.attributes['w:numId'] ?? '', childOf(num, 'w:abstractNumId')?.attributes['w:val']);
  }
  return new ParagraphStyles(names, numberingStyles, nums, abstractNums);
}
