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

/**
 * The grey levels at the given shares of a grey image's pixels, darkest first (0.85 → the level 85% of the
 * pixels are at or below): where a crop's paper and ink lie, from its own histogram.
 */
export function greyPercentiles<const S extends readonly number[]>(
  grey: RawImage,
  shares: S,
): { [K in keyof S]: number } {
  const { width, height, data } = grey;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < width * height; i += 1) {
    const v = data[i] ?? 0;
    histogram[v] = (histogram[v] ?? 0) + 1;
  }
  const total = width * height;
  return shares.map((share) => {
    let seen = 0;
    for (let v = 0; v < 256; v += 1) {
      seen += histogram[v] ?? 0;
      if (seen >= total * share) return v;
    }
    return 255;
  }) as { [K in keyof S]: number };
}

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
