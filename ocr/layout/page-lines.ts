import type { TextLine } from '../engine/page-reader.ts';

/**
 * A detected line in the page's own frame: the median slant of the lines is taken out, so "same row" and
 * "below" mean what they mean on the paper even when the photo is tilted.
 */
export interface PlacedLine {
  text: string;
  chars: { char: string; confidence: number }[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Centre height: rows are lines whose centres lie within half a line of each other. */
  middle: number;
  height: number;
  /** The line as the engine gave it (for cutting it out again). */
  source: TextLine;
}

export function placeLines(lines: readonly TextLine[]): PlacedLine[] {
  const slant = medianSlant(lines);
  const cos = Math.cos(-slant);
  const sin = Math.sin(-slant);
  return lines.map((line) => {
    const { centre, length, thickness } = line.rect;
    const x = centre.x * cos - centre.y * sin;
    const y = centre.x * sin + centre.y * cos;
    return {
      text: line.text,
      chars: line.chars,
      left: x - length / 2,
      right: x + length / 2,
      top: y - thickness / 2,
      bottom: y + thickness / 2,
      middle: y,
      height: thickness,
      source: line,
    };
  });
}

/** The slant of the page: the median angle of its longer lines (radians, positive clockwise on screen). */
function medianSlant(lines: readonly TextLine[]): number {
  const angles = lines
    .filter((line) => line.rect.length >= 3 * line.rect.thickness)
    .map((line) => Math.atan2(line.rect.along.y, line.rect.along.x))
    .sort((a, b) => a - b);
  if (angles.length === 0) return 0;
  return angles[Math.floor(angles.length / 2)] as number;
}

/**
 * A speck: one or two glyphs the recogniser is all but sure it cannot read (a seal's edge, a fold, dust). Real
 * print reads with far higher confidence, even when it reads wrong.
 */
export function isSpeck(line: PlacedLine, unit: number): boolean {
  const glyphs = line.chars.filter((c) => c.char.trim() !== '');
  if (glyphs.length > 2) return false;
  // A box a third shorter than the print around it is a mark between glyphs unless it reads well.
  const ceiling = line.height < (unit * 2) / 3 ? 0.5 : 0.2;
  return glyphs.every((c) => c.confidence < ceiling);
}

/** Typical line height on the page (median), the unit for "near" in the geometry. */
export function typicalHeight(lines: readonly PlacedLine[]): number {
  const heights = lines.map((line) => line.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 20;
}
