import sharp from 'sharp';
import type { AttachedDocument } from '../../../bots/item-runner.ts';
import { fileMeta, isUpload } from '../../../cli/e2e/verify.ts';

/**
 * What the portal's control API should report for a projection: the same field ids and wire values, with
 * each upload `{ document }` replaced by the file's `{ fileName, sha256, size, mimeType }`. `auto:` values are
 * the bot's picks from the live portal, so only their presence is expected (`picked` gives what was chosen).
 */
export function expectedFields(
  values: Record<string, unknown>,
  documents: Record<string, AttachedDocument>,
  picked: Record<string, unknown> = {},
): Record<string, unknown> {
  const convert = (value: unknown, key: string): unknown => {
    if (isUpload(value)) {
      const document = documents[value.document];
      if (!document) throw new Error(`no document ${value.document}`);
      return fileMeta(document);
    }
    if (typeof value === 'string' && value.startsWith('auto:')) return picked[key];
    if (typeof value === 'string' && value.startsWith('ask:')) return picked[key];
    if (Array.isArray(value)) {
      return value.map((row) =>
        typeof row === 'object' && row !== null
          ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, convert(v, `${key}[].${k}`)]))
          : row,
      );
    }
    return value;
  };
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, convert(value, key)]));
}

/**
 * Pixels of the mask colour (#FF00FF) in a screenshot: how much of it was covered. Screenshots are JPEG, which
 * shifts colours a little, so "magenta" is any strongly red-and-blue, green-less pixel (no portal uses one).
 */
export async function maskedPixels(image: Buffer): Promise<number> {
  return (await maskedArea(image)).pixels;
}

/** The mask colour's pixels in a screenshot, with the rows they span and the picture's height. */
export async function maskedArea(
  image: Buffer,
): Promise<{ pixels: number; top: number; bottom: number; height: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const area = { pixels: 0, top: Infinity, bottom: -1, height: info.height };
  for (let i = 0, p = 0; i < data.length; i += info.channels, p += 1) {
    if ((data[i] ?? 0) > 220 && (data[i + 1] ?? 255) < 60 && (data[i + 2] ?? 0) > 220) {
      const y = Math.floor(p / info.width);
      area.pixels += 1;
      area.top = Math.min(area.top, y);
      area.bottom = Math.max(area.bottom, y);
    }
  }
  return area;
}

/**
 * A submission's fields without the optional ones the portal reports as empty (an empty 电子邮箱 box still
 * posts ""): the projection leaves those out rather than sending empty strings.
 */
export function received(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return fields;
  const clean = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map((row) =>
          typeof row === 'object' && row !== null
            ? Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''))
            : row,
        )
      : value;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => [key, clean(value)]),
  );
}
