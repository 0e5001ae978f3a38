import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The few drawing tools both documents share, on pdfkit (a maintained PDF library: fonts embedded as subsets,
 * text kept as text so it can be searched and read back). The CJK font is a file on the host (Noto Sans CJK
 * from fonts-noto-cjk by default); a TTC file names the member to use.
 */
export interface PdfFont {
  /** A TTF/OTF/TTC file with Chinese glyphs. */
  path: string;
  /** The member of a TTC collection ('NotoSansCJKsc-Regular'); ignored for a single-font file. */
  family?: string;
}

export const DEFAULT_PDF_FONT: PdfFont = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  family: 'NotoSansCJKsc-Regular',
};

export type Pdf = PDFKit.PDFDocument;

/** A CJK collection is tens of megabytes: read once per process, not once per document. */
const fonts = new Map<string, Buffer>();
function fontBytes(path: string): Buffer {
  let bytes = fonts.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fonts.set(path, bytes);
  }
  return bytes;
}

/** Draws a document and returns its bytes. */
export async function renderPdf(
  options: { font: PdfFont; title: string; layout?: 'portrait' | 'landscape' },
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: 56,
    info: { Title: options.title, Producer: 'yijian 一件事·一键办' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontBytes(options.font.path), options.font.family);
  doc.font('cjk');
  draw(doc);
  doc.end();
  return done;
}

/** The QR code of `text` as filled squares at (x, y), `size` points wide (quiet zone included). */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/**
 * A bordered table: header row shaded, each cell's text wrapped within its column, a new page when a row
 * would not fit. Returns the y below it.
 */
export function drawTable(
  doc: Pdf,
  at: { x: number; y: number; widths: number[]; fontSize?: number },
  header: string[] | undefined,
  rows: string[][],
): number {
  const fontSize = at.fontSize ?? 10.5;
  const pad = 5;
  let y = at.y;
  const line = (cells: string[], shaded: boolean) => {
    doc.fontSize(fontSize);
    const height =
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (at.widths[i] ?? 0) - 2 * pad })),
      ) +
      2 * pad;
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    let x = at.x;
    cells.forEach((cell, i) => {
      const width = at.widths[i] ?? 0;
      if (shaded) doc.rect(x, y, width, height).fill('#f0f2f5');
      doc.rect(x, y, width, height).lineWidth(0.6).stroke('#8c8c8c');
      doc.fillColor('#1f1f1f').text(cell, x + pad, y + pad, { width: width - 2 * pad });
      x += width;
    });
    y += height;
  };
  if (header) line(header, true);
  for (const row of rows) line(row, false);
  return y;
}

/** Starts a new page unless `space` points are left below `y`; returns where to go on. */
export function roomFor(doc: Pdf, y: number, space: number): number {
  if (y + space <= doc.page.height - doc.page.margins.bottom) return y;
  doc.addPage();
  return doc.page.margins.top;
}
