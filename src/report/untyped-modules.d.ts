/** Declarations for the two libraries the PDF uses that ship no types: only the calls this project makes. */

declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}

declare module 'fontkit' {
  export interface Font {
    /** Every code point the font has a glyph for. */
    characterSet: number[];
  }
  export function create(buffer: Buffer): Font;
}
