import { ETHNICITIES, ethnicityCodeOf, findRegionInAddress, normaliseIdNumber } from '../codes/index.ts';

/**
 * An uploaded document and, for those OCR reads, the fields it read as printed ('男', '汉',
 * '1985年6月12日'). Personal documents name the person (row id) they belong to.
 */
export interface DocumentReading {
  readonly id: string;
  readonly kind: string;
  readonly person?: string;
  readonly fields?: Readonly<Record<string, string>>;
  /**
   * The fields the reader was sure of (ocr/'s status 'confident'). Every other reading is prefilled
   * highlighted, for the applicant to confirm against the document; without this list, all of them are.
   */
  readonly confident?: readonly string[];
}

function isoDate(printed: string): string | undefined {
  const match = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/.exec(printed.trim());
  if (!match) return undefined;
  return `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
}

/** Printed text → canonical value, per element; undefined when the reading cannot be used. */
const NORMALISE: Readonly<Record<string, (printed: string) => string | undefined>> = {
  // The OCR service may give the printed word or the code already ('男' or '1', '汉' or '01').
  'persons[].gender': (v) => ({ 男: '1', 女: '2', '1': '1', '2': '2' })[v.trim()],
  'persons[].ethnicity': (v) => (ETHNICITIES.has(v.trim()) ? v.trim() : ethnicityCodeOf(v)),
  'persons[].birthDate': isoDate,
  'persons[].idNumber': normaliseIdNumber,
  'company.establishedDate': isoDate,
  'company.creditCode': (v) => v.trim().toUpperCase(),
  'company.domicile.region': (v) => {
    const region = findRegionInAddress(v)?.region;
    return region?.level === 'district' ? region.code : undefined;
  },
  'company.domicile.detail': (v) => findRegionInAddress(v)?.rest ?? v.trim(),
};

export function normaliseReading(element: string, printed: string): string | undefined {
  const normalise = NORMALISE[element];
  const value = normalise ? normalise(printed) : printed.trim();
  return value === '' ? undefined : value;
}
