/** Decoded pixels, row-major, `channels` bytes per pixel (1 = grey, 3 = RGB, 4 = RGBA). */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export interface Point {
  x: number;
  y: number;
}

/** Corners of a quadrilateral in the order top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

export function greyOf(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const { width, height, channels, data } = image;
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < grey.length; i += 1, p += channels) {
    // ITU-R BT.601 luma, integer arithmetic.
    grey[i] = ((data[p] ?? 0) * 299 + (data[p + 1] ?? 0) * 587 + (data[p + 2] ?? 0) * 114) / 1000;
  }
  return { data: grey, width, height, channels: 1 };
}

/** One channel of a colour image (0 = red), as grey. */
export function channelOf(image: RawImage, channel: 0 | 1 | 2): RawImage {
  if (image.channels === 1) return image;
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, p = channel; i < out.length; i += 1, p += channels) out[i] = data[p] ?? 0;
  return { data: out, width, height, channels: 1 };
}
