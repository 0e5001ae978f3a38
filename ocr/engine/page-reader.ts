import './no-telemetry.ts';
import type { InferenceSession } from 'onnxruntime-node';
import ort from 'onnxruntime-node';
import sharp from 'sharp';
import { rawInfo } from '../image/decode.ts';
import type { RawImage } from '../image/raw-image.ts';
import { cropLine } from './crop.ts';
import { type DetectedText, detectText } from './detector.ts';
import { upsideDownProbabilities } from './direction.ts';
import { cornersOf, minAreaRect, type RotatedRect } from './geometry.ts';
import { sealCleared, withoutRed } from './ink.ts';
import { type PpOcrModelFiles, ppOcrModelFiles } from './models.ts';
import { LINE_HEIGHT, loadDictionary, recogniseLines } from './recogniser.ts';

/** One line of text as found and read on the upright page. */
export interface TextLine {
  text: string;
  chars: { char: string; confidence: number }[];
  /** Where the line is, in the coordinates of `PageText.image`. */
  rect: RotatedRect;
  /** The detector's confidence that this is text (0..1). */
  score: number;
}

export interface PageText {
  /** The photo turned upright (clockwise degrees applied to the input). */
  turned: 0 | 90 | 180 | 270;
  image: RawImage;
  lines: TextLine[];
}

export interface PageReaderOptions {
  files?: PpOcrModelFiles;
  /** Longer side of the picture given to the detector (default 1280). */
  detectionSide?: number;
  /** Threads for each model (default: ONNX Runtime's own choice, one per core). */
  threads?: number;
}

/** Lines this long or longer (in detector pixels) vote on the page's turn. */
const VOTING_LINES = 16;

/**
 * PP-OCRv4 through ONNX Runtime: finds every text line on a photo, turns the page upright (a right-angle
 * turn from the lines' shape, 180° from the direction classifier), and reads each line.
 */
/** What of a box is read: everything, the red channel, without strong red, or without the crop's seal ink. */
export type Ink = 'all' | 'red-channel' | 'without-red' | 'seal-cleared';

export class PageReader {
  private constructor(
    private readonly detection: InferenceSession,
    private readonly recognition: InferenceSession,
    private readonly direction: InferenceSession,
    private readonly dictionary: string[],
    private readonly detectionSide: number,
  ) {}

  static async load(options: PageReaderOptions = {}): Promise<PageReader> {
    const files = options.files ?? ppOcrModelFiles();
    const sessionOptions: InferenceSession.SessionOptions = {
      graphOptimizationLevel: 'all',
      ...(options.threads ? { intraOpNumThreads: options.threads, interOpNumThreads: 1 } : {}),
    };
    const [detection, recognition, direction] = await Promise.all([
      ort.InferenceSession.create(files.detection, sessionOptions),
      ort.InferenceSession.create(files.recognition, sessionOptions),
      ort.InferenceSession.create(files.direction, sessionOptions),
    ]);
    return new PageReader(
      detection,
      recognition,
      direction,
      loadDictionary(files.dictionary),
      options.detectionSide ?? 1280,
    );
  }

  async read(photo: RawImage): Promise<PageText> {
    let image = photo;
    let turned: PageText['turned'] = 0;
    let found = await detectText(this.detection, image, this.detectionSide);
    // The lines found are turned with the page, not found again: detection is the costliest step but one, and
    // a line's box does not depend on which way up the page lies.
    if (mostlyUpright(found)) {
      found = turnBoxes(found, 90, image);
      image = await turn(image, 90);
      turned = 90;
    }
    if (await this.upsideDown(image, found)) {
      found = turnBoxes(found, 180, image);
      image = await turn(image, 180);
      turned = ((turned + 180) % 360) as PageText['turned'];
    }
    found = found.flatMap((box) => splitStacked(box, found));
    const read = await this.readLines(
      image,
      found.map((box) => box.rect),
    );
    const lines = found
      .map((box, i) => ({
        ...(read[i] as { text: string; chars: TextLine['chars'] }),
        rect: box.rect,
        score: box.score,
      }))
      .filter((line) => line.text.trim() !== '');
    return { turned, image, lines };
  }

  /**
   * Reads one box of the upright page again as a single line, optionally in one colour channel: in the red
   * channel a red seal fades to white and the black print under it stays dark.
   */
  /**
   * Reads one box of the page as a single line. `ink` picks what is read: everything, the red channel (where a
   * red seal fades), or the page with the seal's red pixels turned to paper (black print over it stays).
   */
  async readBox(
    image: RawImage,
    box: { left: number; top: number; width: number; height: number },
    ink: Ink = 'all',
  ): Promise<{ text: string; chars: TextLine['chars'] }> {
    const left = Math.max(0, Math.floor(box.left));
    const top = Math.max(0, Math.floor(box.top));
    const width = Math.min(image.width - left, Math.ceil(box.width));
    const height = Math.min(image.height - top, Math.ceil(box.height));
    if (width < 4 || height < 4) return { text: '', chars: [] };
    let pipeline = sharp(image.data, { raw: rawInfo(image) }).extract({ left, top, width, height });
    if (ink === 'red-channel') {
      const grey = await pipeline.extractChannel(0).raw().toBuffer();
      pipeline = sharp(grey, { raw: { width, height, channels: 1 } }).joinChannel([grey, grey], {
        raw: { width, height, channels: 1 },
      });
    } else if (ink === 'without-red') {
      const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const clean = info.channels === 3 ? withoutRed(data) : data;
      pipeline = sharp(clean, { raw: { width, height, channels: info.channels } });
    } else if (ink === 'seal-cleared') {
      const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const clean = info.channels === 3 ? sealCleared(data) : data;
      pipeline = sharp(clean, { raw: { width, height, channels: info.channels } });
    }
    const { data, info } = await pipeline
      .resize({
        height: LINE_HEIGHT,
        width: Math.max(1, Math.round((width * LINE_HEIGHT) / height)),
        fit: 'fill',
      })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const [read] = await recogniseLines(this.recognition, this.dictionary, [
      { data, width: info.width, height: info.height, channels: info.channels as 3 },
    ]);
    return read ?? { text: '', chars: [] };
  }

  /** Reads boxes of the upright page again, each straightened along its own direction, in one batch. */
  async readLines(
    image: RawImage,
    rects: readonly RotatedRect[],
  ): Promise<{ text: string; chars: TextLine['chars'] }[]> {
    if (rects.length === 0) return [];
    const crops = await Promise.all(rects.map((rect) => cropLine(image, rect, LINE_HEIGHT)));
    return recogniseLines(this.recognition, this.dictionary, crops);
  }

  private async upsideDown(image: RawImage, found: readonly DetectedText[]): Promise<boolean> {
    const voters = [...found]
      .filter((box) => box.rect.length >= 2 * box.rect.thickness)
      .sort((a, b) => b.rect.length - a.rect.length)
      .slice(0, VOTING_LINES);
    if (voters.length === 0) return false;
    const crops = await Promise.all(voters.map((box) => cropLine(image, box.rect, LINE_HEIGHT)));
    const votes = await upsideDownProbabilities(this.direction, crops);
    const flipped = votes.filter((p) => p > 0.5).length;
    return flipped > voters.length / 2;
  }

  async close(): Promise<void> {
    await Promise.all([this.detection.release(), this.recognition.release(), this.direction.release()]);
  }
}

/**
 * On an upright page a box much taller than wide is a column of single characters that the detector joined:
 * letter-spaced labels (「名　　称」「类　　型」) stacked one above the other. It is cut into one box per row,
 * at the heights of the lines beside it (each label sits on its value's row), or evenly when none are.
 */
function splitStacked(box: DetectedText, all: readonly DetectedText[]): DetectedText[] {
  const { rect } = box;
  if (rect.thickness < 1.8 * rect.length) return [box];
  const normal = { x: -rect.along.y, y: rect.along.x };
  const across = (p: { x: number; y: number }) =>
    (p.x - rect.centre.x) * normal.x + (p.y - rect.centre.y) * normal.y;
  const offsets: number[] = [];
  for (const other of all) {
    if (other === box || other.rect.length < 2 * other.rect.thickness) continue;
    const offset = across(other.rect.centre);
    if (Math.abs(offset) > rect.thickness / 2) continue;
    if (offsets.every((o) => Math.abs(o - offset) > rect.length * 0.6)) offsets.push(offset);
  }
  if (offsets.length < 2) {
    const count = Math.max(2, Math.round(rect.thickness / rect.length));
    const step = rect.thickness / count;
    offsets.splice(
      0,
      offsets.length,
      ...Array.from({ length: count }, (_, i) => (i + 0.5) * step - rect.thickness / 2),
    );
  }
  return offsets.map((offset) => ({
    score: box.score,
    rect: {
      centre: { x: rect.centre.x + normal.x * offset, y: rect.centre.y + normal.y * offset },
      along: rect.along,
      length: rect.length,
      thickness: rect.length,
    },
  }));
}

/** True when most of the page's long lines run up and down: the photo is turned by a right angle. */
function mostlyUpright(found: readonly DetectedText[]): boolean {
  let across = 0;
  let upright = 0;
  for (const { rect } of found) {
    if (rect.length >= 2 * rect.thickness) across += rect.length;
    else if (rect.thickness >= 2 * rect.length) upright += rect.thickness;
  }
  return upright > across;
}

/** Boxes found on `image`, where they lie once it is turned clockwise by `degrees` (as `turn` does). */
function turnBoxes(found: readonly DetectedText[], degrees: 90 | 180, image: RawImage): DetectedText[] {
  const { width, height } = image;
  const moved = (p: { x: number; y: number }) =>
    degrees === 90 ? { x: height - p.y, y: p.x } : { x: width - p.x, y: height - p.y };
  return found.map((box) => ({ ...box, rect: minAreaRect(cornersOf(box.rect).map(moved)) }));
}

async function turn(image: RawImage, degrees: 90 | 180): Promise<RawImage> {
  const { data, info } = await sharp(image.data, { raw: rawInfo(image) })
    .rotate(degrees)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 };
}
