/**
 * What the reader says about one field. A confident wrong value is the worst outcome, so a field is
 * `confident` only when what was read passed every check that applies to it and no check disagreed;
 * anything repaired, guessed or contradicted is `needs-confirmation` (shown highlighted to the applicant);
 * nothing usable is `unreadable`; a field the document's format does not print at all is `absent`.
 */
export type FieldStatus = 'confident' | 'needs-confirmation' | 'unreadable' | 'absent';

export interface OcrField {
  /** Normalised value (dates yyyy-MM-dd, 民族 as 汉族, 注册资本 in 万元), or null when unreadable. */
  value: string | null;
  /** 0..1: the engine's confidence in the characters, lowered by repairs and disagreements. */
  confidence: number;
  status: FieldStatus;
  /** The label printed on the document (姓名, 法定代表人, 经营者 …). */
  label: string;
  /** For coded fields: the national code (性别 '1'/'2' GB/T 2261.1, 民族 '01' GB/T 3304). */
  code?: string;
  /** Why the field is not confident, in Chinese, for the applicant and the clerk. */
  notes: string[];
  /** The value as printed on the document (dates and amounts as written there), when it was read. */
  printed?: string;
  /** Where the value sits in the upright photo (pixels), to show its crop beside the value. */
  box?: { left: number; top: number; width: number; height: number };
}

/** The text the engine produced for a field, with the confidence of each character (0..100). */
export interface RawReading {
  text: string;
  symbols: { text: string; confidence: number }[];
}

/**
 * Lowest character confidence a value needs to be confident. Free text (names, street addresses, 字号) has
 * nothing else to check it against, so it needs more than fields held by tables, grammars or cross-checks.
 */
export const FREE_TEXT_CONFIDENCE = 0.9;
export const CHECKED_CONFIDENCE = 0.55;

export function unreadable(label: string, note = '无法识别，请手工填写'): OcrField {
  return { value: null, confidence: 0, status: 'unreadable', label, notes: [note] };
}

/** Lowest character confidence (0..1) over the characters kept in the value; 0 when there are none. */
export function weakestSymbol(reading: RawReading, keep: (char: string) => boolean = () => true): number {
  const kept = reading.symbols.filter((s) => s.text.trim() && [...s.text].some(keep));
  if (kept.length === 0) return 0;
  return Math.min(...kept.map((s) => s.confidence)) / 100;
}

export function meanSymbol(reading: RawReading): number {
  const kept = reading.symbols.filter((s) => s.text.trim());
  if (kept.length === 0) return 0;
  return kept.reduce((sum, s) => sum + s.confidence, 0) / kept.length / 100;
}

/** Builds a field; `problems` (Chinese) turn a would-be confident value into one that needs confirmation. */
export function field(
  label: string,
  value: string | null,
  confidence: number,
  problems: string[],
  extra: { code?: string } = {},
): OcrField {
  if (value === null || value === '') return unreadable(label, problems[0] ?? '无法识别，请手工填写');
  const status = problems.length === 0 ? 'confident' : 'needs-confirmation';
  const rounded = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100;
  return { value, confidence: rounded, status, label, notes: problems, ...extra };
}
