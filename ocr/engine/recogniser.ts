import './no-telemetry.ts';
import { readFileSync } from 'node:fs';
import type { InferenceSession } from 'onnxruntime-node';
import ort from 'onnxruntime-node';
import type { RawImage } from '../image/raw-image.ts';
import { tensorData } from './crop.ts';

export const LINE_HEIGHT = 48;
/** Lines are padded in batches of similar width, to the widest of the batch. */
const BATCH = 8;
/** Longest line the recogniser takes in one piece (in pixels at 48 px high); longer crops are cut. */
const MAX_WIDTH = 48 * 40;
const MIN_WIDTH = 320;

export interface RecognisedText {
  text: string;
  /** Each character with the recogniser's probability for it (0..1). */
  chars: { char: string; confidence: number }[];
}

/** The dictionary: index 0 is CTC's blank, then the file's characters, then a space. */
export function loadDictionary(file: string): string[] {
  const keys = readFileSync(file, 'utf8').split(/\r?\n/);
  if (keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

/**
 * Reads straightened 48-px-high line crops with the CRNN/SVTR recogniser and greedy CTC decoding. Each line is
 * padded as PP-OCR pads it, to the widest of its batch of eight lines of similar width (what the model reads
 * depends on the padding), but run on its own: a batch of wide lines costs up to half as much again per line as
 * the same lines one at a time (measured on this engine), and the results are the same.
 */
export async function recogniseLines(
  session: InferenceSession,
  dictionary: readonly string[],
  crops: readonly RawImage[],
): Promise<RecognisedText[]> {
  const order = crops.map((_, i) => i).sort((a, b) => (crops[a]?.width ?? 0) - (crops[b]?.width ?? 0));
  const results: RecognisedText[] = new Array(crops.length);
  for (let start = 0; start < order.length; start += BATCH) {
    const indices = order.slice(start, start + BATCH);
    // PP-OCR pads every line to at least 320 px: a lone character in a square crop is not recognised at all.
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, ...indices.map((i) => crops[i]?.width ?? 0)));
    for (const cropIndex of indices) {
      results[cropIndex] = await recogniseOne(session, dictionary, crops[cropIndex] as RawImage, width);
    }
  }
  return results;
}

/** One line, padded with black to `width`. */
async function recogniseOne(
  session: InferenceSession,
  dictionary: readonly string[],
  crop: RawImage,
  width: number,
): Promise<RecognisedText> {
  const input = tensorData([crop], LINE_HEIGHT, width);
  const feeds = {
    [session.inputNames[0] as string]: new ort.Tensor('float32', input, [1, 3, LINE_HEIGHT, width]),
  };
  const output = (await session.run(feeds))[session.outputNames[0] as string];
  if (!output) throw new Error('recogniser gave no output');
  const [, steps = 0, classes = 0] = output.dims as number[];
  return decodeCtc(output.data as Float32Array, 0, steps, classes, dictionary);
}

export function decodeCtc(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): RecognisedText {
  const chars: { char: string; confidence: number }[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t += 1) {
    let best = 0;
    let bestP = -1;
    const base = offset + t * classes;
    for (let k = 0; k < classes; k += 1) {
      const p = probs[base + k] as number;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) chars.push({ char: dictionary[best] ?? '', confidence: bestP });
    previous = best;
  }
  return { text: chars.map((c) => c.char).join(''), chars };
}
