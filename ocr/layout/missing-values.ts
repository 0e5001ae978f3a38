import type { PageReader, PageText } from '../engine/page-reader.ts';
import type { LicenceFieldKey } from './labels.ts';
import type { LicenceExtraction } from './licence.extract.ts';
import { typicalHeight } from './page-lines.ts';
import { columnBoundary, readingOf } from './values.ts';

/** One-line values worth a second look when the detector found their label but no text after it. */
const ONE_LINE: readonly LicenceFieldKey[] = [
  'name',
  'type',
  'legalRepresentative',
  'registeredCapital',
  'establishedDate',
  'businessTerm',
  'compositionForm',
];

/** The longest value of one line, in line heights: the box never reaches across the page. */
const LONGEST_VALUE = 24;

/**
 * A watermark or an overprint across a value can hide it from the detector, which then finds the label and
 * nothing after it. The space after such a label, up to the next label or column, is read again as one line.
 */
export async function readMissingValues(
  reader: PageReader,
  page: PageText,
  extraction: LicenceExtraction,
): Promise<void> {
  const unit = typicalHeight(extraction.lines);
  const hits = Object.values(extraction.taken).map((value) => value.hit);
  await Promise.all(
    ONE_LINE.map(async (key) => {
      const taken = extraction.taken[key];
      if (!taken || taken.reading.text.trim() !== '') return;
      const { hit } = taken;
      const left = hit.labelRight;
      const right = Math.min(columnBoundary(hit, hits, unit), left + unit * LONGEST_VALUE, page.image.width);
      if (right - left < unit * 2) return;
      const box = { left, top: hit.middle - unit * 0.7, width: right - left, height: unit * 1.4 };
      const read = await reader.readBox(page.image, box);
      const chars = read.chars.filter((c) => c.char.trim() !== '');
      if (chars.length < 2) return;
      extraction.taken[key] = { reading: readingOf(chars), lines: [], hit, reread: true };
    }),
  );
}
