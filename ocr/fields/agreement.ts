import type { OcrField } from './result.ts';

/**
 * Several readings of the same field (the crop at different resolutions) interpreted separately. The engine
 * misreads a character at one scale and not at another (蓝 read as 赣 at 9 px/mm, right at 7 and 10), so:
 * - all readings agree: the value stands as interpreted, with the least confident reading's status;
 * - some disagree: the value most readings give wins; when no value has a majority but the values are the same
 *   length, each character is voted on; otherwise the reading that passed more of its own checks (then the more
 *   confident one) is kept; either way the result needs confirmation.
 */
export function consensus(readings: OcrField[]): OcrField {
  const [first] = readings;
  if (!first) throw new RangeError('consensus of no readings');
  const values = readings.map((r) => r.value);
  // Agreeing readings: the least sure of them speaks for all (its doubts are not outvoted).
  if (values.every((v) => v === first.value)) return weakest(readings);
  const counts = new Map<string, OcrField[]>();
  for (const reading of readings) {
    if (reading.value === null) continue;
    counts.set(reading.value, [...(counts.get(reading.value) ?? []), reading]);
  }
  const ranked = [...counts.values()].sort((a, b) => b.length - a.length);
  const [top, next] = ranked;
  if (!top) return first;
  if (!next || top.length > next.length) return demote(best(top));
  const voted = voteCharacters(readings.flatMap((r) => (r.value === null ? [] : [r.value])));
  // Without a majority: the reading that passed more of its own checks, then the more confident one.
  const base = readings
    .filter((r) => r.value !== null)
    .reduce((a, b) =>
      b.notes.length < a.notes.length || (b.notes.length === a.notes.length && b.confidence > a.confidence)
        ? b
        : a,
    );
  return demote(voted ? { ...base, value: voted } : base);
}

/** Two readings: kept when they agree, the more confident one needing confirmation when not. */
export function reconcile(first: OcrField, second: OcrField): OcrField {
  return consensus([first, second]);
}

/** Character-wise majority over values of equal length (ties go to the first reading); undefined otherwise. */
function voteCharacters(values: string[]): string | undefined {
  const split = values.map((v) => [...v]);
  const length = split[0]?.length ?? 0;
  if (values.length < 3 || split.some((chars) => chars.length !== length)) return undefined;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    const tally = new Map<string, number>();
    for (const chars of split) tally.set(chars[i] ?? '', (tally.get(chars[i] ?? '') ?? 0) + 1);
    const [winner] = [...tally.entries()].sort((a, b) => b[1] - a[1]);
    out += winner?.[0] ?? '';
  }
  return out;
}

function weakest(readings: OcrField[]): OcrField {
  return readings.reduce((a, b) => (b.confidence < a.confidence ? b : a));
}

function best(readings: OcrField[]): OcrField {
  return readings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
}

function demote(value: OcrField): OcrField {
  if (value.status === 'unreadable') return value;
  const note = '多次识别结果不一致，请核对';
  return {
    ...value,
    status: 'needs-confirmation',
    confidence: Math.round(value.confidence * 0.7 * 100) / 100,
    notes: value.notes.includes(note) ? value.notes : [...value.notes, note],
  };
}
