import './no-telemetry.ts';
import type { InferenceSession } from 'onnxruntime-node';
import ort from 'onnxruntime-node';
import sharp from 'sharp';
import { rawInfo } from '../image/decode.ts';
import type { RawImage } from '../image/raw-image.ts';
import { tensorData } from './crop.ts';

const HEIGHT = 48;
const WIDTH = 192;

/** For each line crop (48 px high), the probability that it is upside down (PP-OCR's 0°/180° classifier). */
export async function upsideDownProbabilities(
  session: InferenceSession,
  crops: readonly RawImage[],
): Promise<number[]> {
  if (crops.length === 0) return [];
  const fitted = await Promise.all(
    crops.map(async (crop) => {
      if (crop.width <= WIDTH) return crop;
      const { data, info } = await sharp(crop.data, { raw: rawInfo(crop) })
        .resize(WIDTH, HEIGHT, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, channels: crop.channels };
    }),
  );
  const input = tensorData(fitted, HEIGHT, WIDTH);
  const feeds = {
    [session.inputNames[0] as string]: new ort.Tensor('float32', input, [fitted.length, 3, HEIGHT, WIDTH]),
  };
  const output = (await session.run(feeds))[session.outputNames[0] as string];
  const probs = output?.data as Float32Array;
  return fitted.map((_, i) => probs[i * 2 + 1] ?? 0);
}
