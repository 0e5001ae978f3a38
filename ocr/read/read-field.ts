import sharp from 'sharp';
import type { RawReading } from '../fields/result.ts';
import { evenLight, prepareCrop } from '../image/prepare.ts';
import { channelOf, greyOf, type RawImage } from '../image/raw-image.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import type { SegmentationMode } from '../pool/types.ts';
import { findTextBands, type TextBand } from './lines.ts';
import type { DocumentView, MmBox } from './view.ts';

export interface ReadSpec {
  box: MmBox;
  maxLines: number;
  mode: SegmentationMode;
  /** Resolution to straighten the box at: about 9 px/mm for 3.5 mm type (≈ 30 px characters). */
  pxPerMm: number;
  /** red drops red seals and stamps (and keeps blue and black text dark); green keeps red text dark. */
  channel: 'red' | 'green' | 'grey';
  whitelist?: string;
}

/**
 * Reads one field: straighten its box out of the photo, keep one channel, split it into text lines when it
 * may hold several, prepare each line (light evened out, tight crop, contrast) and read it. Lines come back in
 * order.
 */
export async function readField(
  view: DocumentView,
  spec: ReadSpec,
  pool: TesseractPool,
): Promise<RawReading> {
  const region = view.region(spec.box, spec.pxPerMm);
  const grey = spec.channel === 'grey' ? greyOf(region) : channelOf(region, spec.channel === 'red' ? 0 : 1);
  const whole = [{ top: 0, bottom: grey.height }];
  const found = spec.mode === 'block' ? [] : findTextBands(grey, spec.pxPerMm * 1.2, spec.pxPerMm * 0.9);
  const bands =
    found.length === 0
      ? whole
      : spec.maxLines > 1
        ? found.slice(0, spec.maxLines)
        : mainBand(found, grey.height);
  const pad = Math.round(spec.pxPerMm * 0.4);
  const lines = await Promise.all(
    bands.map((band) => readGrey(rows(grey, band.top - pad, band.bottom + pad), spec, pool)),
  );
  return {
    text: lines.map((line) => line.text).join('\n'),
    symbols: lines.flatMap((line) => line.symbols),
  };
}

/** Reads one grey image (already a single line or block). */
export async function readGrey(
  grey: RawImage,
  spec: Omit<ReadSpec, 'box' | 'maxLines'>,
  pool: TesseractPool,
) {
  // Light evened out over about 9 mm (two to three characters): glare and shadow lose their grip on the text.
  const even = evenLight(grey, spec.pxPerMm * 9);
  const prepared = prepareCrop(even, {
    minBlobArea: Math.max(4, spec.pxPerMm * spec.pxPerMm * 0.12),
    margin: Math.round(spec.pxPerMm * 1.2),
  });
  if (!prepared) return { text: '', symbols: [] };
  const png = await sharp(prepared.image.data, {
    raw: { width: prepared.image.width, height: prepared.image.height, channels: 1 },
  })
    // The true resolution (tesseract warns about and guesses a missing one).
    .withMetadata({ density: Math.round(spec.pxPerMm * 25.4) })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const result = await pool.recognise({ image: png, mode: spec.mode, whitelist: spec.whitelist });
  return { text: result.text.trim(), symbols: result.symbols };
}

/**
 * A one-line field is read from its whole box, except that the tops or tails of neighbouring rows reaching into
 * it are cut off halfway between them and the field's own (tallest) line; left in, they become noise at the edge.
 */
function mainBand(found: TextBand[], height: number): TextBand[] {
  const main = found.reduce((a, b) => (b.bottom - b.top > a.bottom - a.top ? b : a));
  const above = found.filter((band) => band.bottom <= main.top).at(-1);
  const below = found.find((band) => band.top >= main.bottom);
  return [
    {
      top: above ? Math.round((above.bottom + main.top) / 2) : 0,
      bottom: below ? Math.round((main.bottom + below.top) / 2) : height,
    },
  ];
}

/** Rows top..bottom (clipped) of a grey image, sharing no memory with it. */
function rows(grey: RawImage, top: number, bottom: number): RawImage {
  const from = Math.max(0, top);
  const to = Math.min(grey.height, bottom);
  return {
    data: grey.data.slice(from * grey.width, to * grey.width),
    width: grey.width,
    height: Math.max(1, to - from),
    channels: 1,
  };
}
