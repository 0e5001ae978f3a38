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

/**
 * The slant of the page (radians, positive clockwise on screen): the median angle of its longer lines, taken
 * within the group of like angles nearest to level that holds at least a quarter of them. A diagonal watermark
 * repeated across the page can outnumber the print (d014: 28 lines at −32°, 24 at 0°), but the print is the group
 * a photo holds near level.
 */
export function medianSlant(lines: readonly TextLine[]): number {
  const angles = lines
    .filter((line) => line.rect.length >= 3 * line.rect.thickness)
    .map((line) => Math.atan2(line.rect.along.y, line.rect.along.x))
    .sort((a, b) => a - b);
  if (angles.length === 0) return 0;
  const near = (centre: number) => angles.filter((angle) => Math.abs(angle - centre) <= LIKE_ANGLES);
  const needed = Math.max(3, angles.length / 4);
  const level = [...angles]
    .sort((a, b) => Math.abs(a) - Math.abs(b))
    .find((angle) => near(angle).length >= needed);
  const group = level === undefined ? angles : near(level);
  return group[Math.floor(group.length / 2)] as number;
}

/** Lines within this many radians of each other (6°) are one group of angles. */
const LIKE_ANGLES = (6 * Math.PI) / 180;

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

/**
 * A line of two glyphs or more running across the print at another angle: a watermark or an overprint set
 * diagonally over the page (「湖南海外旅游」 at 35°), or a seal's curved text. No value is printed so.
 */
export function isAslant(line: PlacedLine, slant: number): boolean {
  const { along, length, thickness } = line.source.rect;
  if (length < 2 * thickness) return false;
  let off = Math.atan2(along.y, along.x) - slant;
  // A direction and its opposite are one line.
  while (off > Math.PI / 2) off -= Math.PI;
  while (off < -Math.PI / 2) off += Math.PI;
  return Math.abs(off) > ASLANT;
}

/** Print photographed in perspective stays within a few degrees of the page's slant; watermarks run at 20°–45°. */
const ASLANT = (12 * Math.PI) / 180;

/** Typical line height on the page (median), the unit for "near" in the geometry. */
export function typicalHeight(lines: readonly PlacedLine[]): number {
  const heights = lines.map((line) => line.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 20;
}
