import { CREDIT_CODE_CHARSET } from '../../forms/codes/index.ts';
import type { OcrField, RawReading } from '../fields/result.ts';
import { channelOf } from '../image/raw-image.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import {
  CREDIT_CODE_BOX,
  ISSUE_DATE_BOX,
  LICENCE_COLUMNS,
  LICENCE_LAYOUTS,
  type LicenceVariant,
} from '../templates/licence.template.ts';
import { sharedCharacters } from './detect.ts';
import { interpretLicence } from './licence.interpret.ts';
import { findTextBands } from './lines.ts';
import { readField } from './read-field.ts';
import { readSeal } from './seal.ts';
import type { DocumentView, MmBox } from './view.ts';

/** Licence type of 4.2 mm at 6.5 px/mm is ≈ 27 px high. */
const PX_PER_MM = 6.5;
const SECOND_PX_PER_MM = 8;
/**
 * Fields without a table behind them (names, the address) and the short lines the engine finds hardest (大写
 * 金额, dates under the seal) are read once more at another resolution; readings that disagree need confirmation.
 */
const EXTRA_PX_PER_MM: Record<string, number[]> = {
  name: [5.5, 8],
  legalRepresentative: [5.5, 8],
  domicile: [5.5, 8],
  registeredCapital: [8],
  establishedDate: [8],
};
const MAX_LINES: Record<string, number> = { name: 2, businessScope: 12, domicile: 3 };

export interface LicenceReading {
  variant: LicenceVariant;
  fields: Record<string, OcrField>;
  warnings: string[];
}

/**
 * Reads a licence: the rows of each column are found from the printed labels (a value that wraps pushes the
 * rows below it down), the label column says which kind of licence it is, and each value is read between its
 * label's row and the next one.
 */
export async function readLicence(view: DocumentView, pool: TesseractPool): Promise<LicenceReading> {
  const [leftRows, rightRows, rightLabels] = await Promise.all([
    labelRows(view, LICENCE_COLUMNS.left.labels),
    labelRows(view, LICENCE_COLUMNS.right.labels),
    readField(
      view,
      { box: LICENCE_COLUMNS.right.labels, maxLines: 1, mode: 'block', pxPerMm: PX_PER_MM, channel: 'red' },
      pool,
    ),
  ]);
  const variant = chooseVariant(rightLabels.text, rightRows.length);
  const layout = LICENCE_LAYOUTS[variant];
  const boxes: { key: string; box: MmBox }[] = [
    ...rowBoxes(layout.left, leftRows, LICENCE_COLUMNS.left),
    ...rowBoxes(layout.right, rightRows, LICENCE_COLUMNS.right),
  ];
  const read = (key: string, box: MmBox, pxPerMm: number, whitelist?: string) =>
    readField(
      view,
      { box, maxLines: MAX_LINES[key] ?? 1, mode: 'line', pxPerMm, channel: 'red', whitelist },
      pool,
    );
  const [seal, creditCode, creditCodeAgain, issueDate, issueAgain, ...values] = await Promise.all([
    readSeal(view, pool).then((reading) => reading ?? { text: '', symbols: [] }),
    // The code's own alphabet as whitelist: without it chi_sim splits 0 into "0O" and 1 into "1I" now and then.
    read('creditCode', CREDIT_CODE_BOX, PX_PER_MM, CREDIT_CODE_CHARSET),
    read('creditCode', CREDIT_CODE_BOX, SECOND_PX_PER_MM, CREDIT_CODE_CHARSET),
    read('issueDate', ISSUE_DATE_BOX, PX_PER_MM),
    read('issueDate', ISSUE_DATE_BOX, SECOND_PX_PER_MM),
    ...boxes.map(({ key, box }) => read(key, box, PX_PER_MM)),
    ...boxes.flatMap(({ key, box }) =>
      (EXTRA_PX_PER_MM[key] ?? []).map((pxPerMm) => read(key, box, pxPerMm)),
    ),
  ]);
  const readings: Record<string, RawReading> = {};
  const extra: Record<string, RawReading[]> = {};
  boxes.forEach(({ key }, index) => {
    readings[key] = values[index] as RawReading;
  });
  let at = boxes.length;
  for (const { key } of boxes) {
    const count = EXTRA_PX_PER_MM[key]?.length ?? 0;
    if (count) extra[key] = values.slice(at, at + count) as RawReading[];
    at += count;
  }
  readings.creditCode = creditCode as RawReading;
  extra.creditCode = [creditCodeAgain as RawReading];
  extra.issueDate = [issueAgain as RawReading];
  readings.seal = seal as RawReading;
  readings.issueDate = issueDate as RawReading;
  const warnings: string[] = [];
  const expectedRows = layout.left.length + layout.right.length;
  if (leftRows.length + rightRows.length < expectedRows) warnings.push('部分栏目未能定位，请核对识别结果');
  return { variant, fields: interpretLicence(variant, readings, extra), warnings };
}

interface Row {
  top: number;
  bottom: number;
}

/** The printed labels' rows in a label column (mm from the top of the licence). */
async function labelRows(view: DocumentView, strip: MmBox): Promise<Row[]> {
  const grey = channelOf(view.region(strip, PX_PER_MM), 0);
  return findTextBands(grey, 1.8 * PX_PER_MM, 1.2 * PX_PER_MM).map((band) => ({
    top: strip.y + band.top / PX_PER_MM,
    bottom: strip.y + band.bottom / PX_PER_MM,
  }));
}

/** The kind of licence whose right-hand labels best match what was read (ties go to the row count). */
function chooseVariant(labelsText: string, rightRows: number): LicenceVariant {
  const scored = (Object.keys(LICENCE_LAYOUTS) as LicenceVariant[]).map((variant) => {
    const expected = LICENCE_LAYOUTS[variant].right.map(([, label]) => label).join('');
    const score = sharedCharacters(labelsText.replace(/\s/g, ''), expected) / [...expected].length;
    const rowsMatch = LICENCE_LAYOUTS[variant].right.length === rightRows ? 0.2 : 0;
    return { variant, score: score + rowsMatch };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.variant ?? 'company';
}

/** Each row's value box: from its label's top to the next label's top, across the value column. */
function rowBoxes(
  rows: readonly (readonly [string, string])[],
  found: Row[],
  column: { valueX: number; valueRight: number; bottom: number },
): { key: string; box: MmBox }[] {
  return rows.flatMap(([key], index) => {
    const row = found[index];
    if (!row) return [];
    const next = found[index + 1]?.top ?? column.bottom;
    const top = row.top - 1.2;
    return [
      { key, box: { x: column.valueX, y: top, w: column.valueRight - column.valueX, h: next - 0.6 - top } },
    ];
  });
}
