import { isValidIdNumber } from '../../forms/codes/index.ts';
import type { TextLine } from '../engine/page-reader.ts';
import { parseChineseDate } from '../fields/dates.ts';
import { interpretEthnicity } from '../fields/person.ts';
import { mendRegionNames } from '../fields/region-names.ts';
import { field, type OcrField, type RawReading, unreadable, weakestSymbol } from '../fields/result.ts';
import { type IdCardFields, interpretIdCard } from '../read/id-card.reader.ts';
import { findLabels, type LabelHit } from './label-hits.ts';
import { ID_CARD_LABELS } from './labels.ts';
import { type PlacedLine, placeLines, typicalHeight } from './page-lines.ts';
import { readingOf, type TakenValue, takeValue } from './values.ts';

const EMPTY: RawReading = { text: '', symbols: [] };

/** The labelled values of an ID card's lines, by geometry as on licences; the number wherever it is printed. */
function takeAll(lines: PlacedLine[]): { taken: Record<string, TakenValue>; hits: LabelHit[] } {
  const unit = typicalHeight(lines);
  const hits: LabelHit[] = [];
  for (const hit of findLabels(lines, ID_CARD_LABELS, unit))
    if (!hits.some((h) => h.key === hit.key)) hits.push(hit);
  const taken: Record<string, TakenValue> = {};
  for (const hit of hits)
    taken[hit.key] = takeValue(hit, hits, lines, unit, {
      wraps: hit.key === 'address',
      below: hit.key === 'address',
    });
  return { taken, hits };
}

/** Text after a label anywhere in a line (性别女民族汉 read as one line holds 民族 in the middle). */
function afterLabel(lines: readonly PlacedLine[], label: string): RawReading {
  for (const line of lines) {
    const at = line.text.indexOf(label);
    if (at >= 0) return readingOf(line.chars.slice(at + label.length));
  }
  return EMPTY;
}

/** The 18-character 公民身份号码: the longest run of digits (and a final X) on the card. */
function idNumberLine(lines: readonly PlacedLine[]): RawReading {
  let best: RawReading = EMPTY;
  for (const line of lines) {
    const chars = line.chars.filter((c) => /[0-9Xx×]/.test(c.char));
    if (chars.length >= 15 && chars.length <= 20 && chars.length > best.text.length)
      best = readingOf(chars.map((c) => ({ ...c, char: c.char === '×' ? 'X' : c.char.toUpperCase() })));
  }
  return best;
}

/** The portrait side: labels found in the lines, then the card's own cross-checks (ocr/fields). */
export function readIdCardFront(textLines: readonly TextLine[]): {
  fields: IdCardFields;
  taken: Record<string, TakenValue>;
  /** Boxes of the photo right after a label whose value was not found, to read again. */
  emptyAfter: Partial<Record<'ethnicity', { left: number; top: number; width: number; height: number }>>;
} {
  const lines = placeLines(textLines);
  const { taken } = takeAll(lines);
  const idNumber = idNumberLine(lines);
  // The number's first six digits name the county where the card was issued, which the address most often
  // begins with: a region name read one glyph wrong is put right (and marked unsure).
  const number = idNumber.text.replace(/\s+/g, '').toUpperCase();
  const region = isValidIdNumber(number) ? number.slice(0, 6) : undefined;
  const reading = (key: string) =>
    key === 'address'
      ? mendRegionNames(taken.address?.reading ?? EMPTY, region)
      : (taken[key]?.reading ?? EMPTY);
  const gender = reading('gender').text.match(/[男女]/)?.[0];
  const ethnicityText = taken.ethnicity?.reading ?? afterLabel(lines, '民族');
  const fields = interpretIdCard({
    name: reading('name'),
    gender: gender ? { text: gender, symbols: [{ text: gender, confidence: 95 }] } : reading('gender'),
    ethnicity: { ...ethnicityText, text: ethnicityText.text.replace(/^[^\u4e00-\u9fff]+/, '') },
    birthDate: reading('birthDate'),
    address: reading('address'),
    idNumber,
  });
  const printedBirth = reading('birthDate').text.match(/\d{4}年\d{1,2}月\d{1,2}日/)?.[0];
  const emptyAfter: ReturnType<typeof readIdCardFront>['emptyAfter'] = {};
  const ethnicityHit = taken.ethnicity?.hit;
  if (ethnicityHit && !taken.ethnicity?.reading.text.trim()) {
    // The detector's box often holds the character the recogniser dropped after a wide gap: read its right
    // part and the space after it on their own.
    const rect = ethnicityHit.line.source.rect;
    const right = rect.centre.x + rect.length / 2;
    emptyAfter.ethnicity = {
      left: right - rect.length * 0.3,
      top: rect.centre.y - rect.thickness * 0.6,
      width: rect.length * 0.3 + rect.thickness * 3,
      height: rect.thickness * 1.2,
    };
  }
  return {
    taken,
    emptyAfter,
    fields: {
      ...fields,
      birthDate: printedBirth ? { ...fields.birthDate, printed: printedBirth } : fields.birthDate,
      address: { ...fields.address, printed: reading('address').text.replace(/\s+/g, '') },
    },
  };
}

/** The emblem side: 签发机关 and 有效期限 (yyyy.MM.dd-yyyy.MM.dd, or …-长期). */
export function readIdCardBack(textLines: readonly TextLine[]): Record<string, OcrField> {
  const lines = placeLines(textLines);
  const { taken } = takeAll(lines);
  const authority = taken.issuingAuthority?.reading ?? afterLabel(lines, '签发机关');
  const validity = taken.validity?.reading ?? afterLabel(lines, '有效期限');
  return {
    issuingAuthority: interpretIssuingAuthority(authority),
    validity: interpretValidity(validity),
  };
}

function interpretIssuingAuthority(reading: RawReading): OcrField {
  const text = reading.text
    .replace(/\s+/g, '')
    .match(/[\u4e00-\u9fff]{2,30}(?:公安局|分局|公安处|派出所)/)?.[0];
  if (!text) return unreadable('签发机关');
  return { ...field('签发机关', text, weakestSymbol(reading), ['请与证件核对']), printed: text };
}

/**
 * 有效期限: two dates 5, 10 or 20 years apart (GB 11643 / 居民身份证法), or 长期 for holders over 46. The span is the
 * check: a misread digit rarely keeps it.
 */
export function interpretValidity(reading: RawReading): OcrField {
  const text = reading.text.replace(/\s+/g, '').replace(/[—–~至]/g, '-');
  const match = text.match(/(\d{4})[.\-/]?(\d{2})[.\-/]?(\d{2})-?(长期|(\d{4})[.\-/]?(\d{2})[.\-/]?(\d{2}))/);
  if (!match) return unreadable('有效期限');
  const from = parseChineseDate(`${match[1]}年${match[2]}月${match[3]}日`)?.value;
  if (!from) return unreadable('有效期限');
  const printed = match[0];
  if (match[4] === '长期')
    return { ...field('有效期限', `${from}至长期`, weakestSymbol(reading), []), printed };
  const to = parseChineseDate(`${match[5]}年${match[6]}月${match[7]}日`)?.value;
  if (!to) return unreadable('有效期限');
  const years = Number(match[5]) - Number(match[1]);
  const sameDay = from.slice(4) === to.slice(4);
  const problems = [5, 10, 20].includes(years) && sameDay ? [] : ['有效期限的起止日期不合规定年限，请核对'];
  return { ...field('有效期限', `${from}至${to}`, weakestSymbol(reading), problems), printed };
}

/** 民族 read again from the space after its label. */
export function reinterpretEthnicity(read: {
  text: string;
  chars: { char: string; confidence: number }[];
}): OcrField {
  return interpretEthnicity(readingOf(read.chars.filter((c) => /[\u4e00-\u9fff]/.test(c.char))));
}
