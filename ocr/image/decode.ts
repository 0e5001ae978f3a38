import sharp from 'sharp';
import { OcrInputError } from '../errors.ts';
import type { RawImage } from './raw-image.ts';

/**
 * Decodes an uploaded photo once, honouring its EXIF orientation, into RGB pixels: a working copy whose long
 * side is at most `maxSide` (phone photos are often 4000 px; fields need far less) and a small copy for finding
 * the document. Anything sharp cannot decode (a PDF, a text file, a truncated JPEG) is an OcrInputError.
 */
export interface DecodedPhoto {
  full: RawImage;
  small: RawImage;
}

const NOT_AN_IMAGE =
  '无法读取上传的文件：它不是图片或图片已损坏。请上传身份证或营业执照的 JPG、PNG 或 WebP 照片';

/** Long side of the working copy: OCR boxes (`OcrField.box`) are in its pixels, turned upright. */
export const WORKING_MAX_SIDE = 2600;

export async function decodePhoto(
  input: Buffer,
  maxSide = WORKING_MAX_SIDE,
  smallSide = 640,
): Promise<DecodedPhoto> {
  if (!Buffer.isBuffer(input) || input.length === 0)
    throw new OcrInputError('上传的文件是空的，请重新选择照片');
  let full: RawImage;
  try {
    // failOn 'error' rejects truncated and corrupt data instead of returning a half-grey picture.
    const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    full = { data, width: info.width, height: info.height, channels: info.channels as 3 };
  } catch (error) {
    throw new OcrInputError(NOT_AN_IMAGE, { cause: error });
  }
  if (full.width < 200 || full.height < 120) {
    throw new OcrInputError(`照片太小（${full.width}×${full.height} 像素），请上传更清晰的照片`);
  }
  const { data, info } = await sharp(full.data, { raw: rawInfo(full) })
    .resize({ width: smallSide, height: smallSide, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { full, small: { data, width: info.width, height: info.height, channels: info.channels as 3 } };
}

export function rawInfo(image: RawImage): { width: number; height: number; channels: 1 | 3 | 4 } {
  return { width: image.width, height: image.height, channels: image.channels };
}
