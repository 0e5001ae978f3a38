import sharp from 'sharp';
import type { UploadKind } from '../catalog.ts';

/**
 * The second look at an upload, after its first bytes named its type (magic.ts): the file must be what it
 * says throughout. A JPEG or PNG must decode completely (every pixel; a decoder error or a truncated file
 * refuses it, a decoder warning does not: phone cameras write JPEGs that libjpeg warns about) within a
 * pixel limit; a PDF must have the structure a reader starts from — its header, a trailer naming the
 * document catalogue, and that catalogue. A polyglot (JPEG magic, then an HTML page) fails here.
 */

/** Phone cameras reach 108 MP; anything larger is no photo of a document. */
export const MAX_IMAGE_PIXELS = 120_000_000;

export async function decodesAs(kind: UploadKind, content: Buffer): Promise<boolean> {
  if (kind === 'pdf') return hasPdfStructure(content);
  try {
    const image = sharp(content, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS });
    const { format } = await image.metadata();
    if (format !== kind) return false;
    // Statistics read every pixel: decoding the whole image, not only its header.
    await image.stats();
    return true;
  } catch {
    return false;
  }
}

const HEADER = /^%PDF-(1\.[0-7]|2\.0)[\r\n]/;

/** Whether `content` is a PDF by its structure: header, trailer (classic or cross-reference stream), catalogue. */
export function hasPdfStructure(content: Buffer): boolean {
  const text = content.toString('latin1');
  if (!HEADER.test(text)) return false;
  // The end of file marker closes the last revision; a little padding after it is common.
  const end = text.lastIndexOf('%%EOF');
  if (end < 0 || text.length - end > 1024) return false;
  const root = rootOf(text.slice(0, end));
  if (!root) return false;
  // The catalogue the trailer names must be there.
  const catalogue = new RegExp(`(?:^|[\\s>])${root.num}\\s+${root.gen}\\s+obj\\s*<<([\\s\\S]*?)>>`).exec(
    text,
  );
  return catalogue !== null && /\/Type\s*\/Catalog\b/.test(catalogue[1] ?? '');
}

/** The `/Root n g R` of the last trailer, or of the cross-reference stream `startxref` points at. */
function rootOf(text: string): { num: string; gen: string } | undefined {
  const ROOT = /\/Root\s+(\d+)\s+(\d+)\s+R/;
  const trailer = text.lastIndexOf('trailer');
  if (trailer >= 0) {
    const found = ROOT.exec(text.slice(trailer, trailer + 4096));
    if (found) return { num: found[1] ?? '', gen: found[2] ?? '' };
  }
  const startxref = /startxref\s+(\d+)\s*$/.exec(text);
  if (!startxref) return undefined;
  const offset = Number(startxref[1]);
  if (!Number.isSafeInteger(offset) || offset >= text.length) return undefined;
  const stream = /^\d+\s+\d+\s+obj\s*<<([\s\S]*?)>>\s*stream/.exec(text.slice(offset, offset + 4096));
  if (!stream || !/\/Type\s*\/XRef\b/.test(stream[1] ?? '')) return undefined;
  const found = ROOT.exec(stream[1] ?? '');
  return found ? { num: found[1] ?? '', gen: found[2] ?? '' } : undefined;
}
