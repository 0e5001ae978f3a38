import { describe, expect, it } from 'vitest';
import { sealCleared } from '../../ocr/engine/ink.ts';

/** Pixels as [r, g, b] triples in one buffer. */
const pixels = (...rgb: [number, number, number][]) => Buffer.from(rgb.flat());
const at = (buffer: Buffer, index: number) => [...buffer.subarray(3 * index, 3 * index + 3)];

describe("the seal's ink turned to paper, measured against the crop's own paper", () => {
  // A dim, slightly blue photo: paper is grey-blue, the seal a faded pink only ~25 redder than the paper.
  const paper: [number, number, number] = [150, 156, 160];
  const fadedSeal: [number, number, number] = [170, 140, 145];
  const print: [number, number, number] = [40, 42, 45];
  const printUnderSeal: [number, number, number] = [60, 30, 35];
  const crop = pixels(...Array(20).fill(paper), fadedSeal, fadedSeal, print, printUnderSeal);

  it('turns a faded seal to paper, which a fixed margin of redness would keep', () => {
    const cleared = sealCleared(crop);
    expect(at(cleared, 20)).toEqual([160, 160, 160]);
    expect(at(cleared, 21)).toEqual([160, 160, 160]);
  });

  it('keeps black print, also where the seal covers it, and leaves the paper as it was', () => {
    const cleared = sealCleared(crop);
    expect(at(cleared, 22)).toEqual(print);
    expect(at(cleared, 23)).toEqual(printUnderSeal);
    expect(at(cleared, 0)).toEqual(paper);
  });
});
