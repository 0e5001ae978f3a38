import type { UploadKind } from '../catalog.ts';

/**
 * A file's type from its first bytes, never from its name or the browser's Content-Type: a renamed
 * script, a spreadsheet called "身份证.jpg" or an HTML page posing as a PDF are all refused.
 */
export const MIME_OF: Record<UploadKind, 'image/jpeg' | 'image/png' | 'application/pdf'> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

export const EXTENSION_OF: Record<UploadKind, string> = { jpeg: 'jpg', png: 'png', pdf: 'pdf' };

export const KIND_LABELS: Record<UploadKind, string> = { jpeg: 'JPG', png: 'PNG', pdf: 'PDF' };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function detectKind(content: Buffer): UploadKind | undefined {
  if (content.length >= 4 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) {
    // A JPEG also ends with FFD9; truncated uploads are refused too.
    const tail = content.subarray(Math.max(0, content.length - 64));
    return tail.includes(Buffer.from([0xff, 0xd9])) ? 'jpeg' : undefined;
  }
  if (content.length > PNG_SIGNATURE.length && content.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (content.subarray(0, 5).toString('latin1') === '%PDF-' && content.includes(Buffer.from('%%EOF'))) {
    return 'pdf';
  }
  return undefined;
}
