import { readFile } from 'node:fs/promises';
import type { OcrResult, OcrService } from '../../../ocr/index.ts';
import type { RealSample } from './ocr-real-truth.ts';

/** Only white space and full-width/half-width forms are normalised: anything else must be as printed. */
export function normalisePrinted(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

interface FieldTally {
  scored: number;
  exact: number;
  confident: number;
  confidentWrong: number;
}

interface KindReport {
  documents: number;
  refused: number;
  fields: FieldTally & { exactRate: number; confidentWrongRate: number };
  absent: { expected: number; correct: number };
  perField: Record<string, FieldTally>;
  medianMs: number;
  p95Ms: number;
}

export interface RealOcrReport {
  images: number;
  kinds: Partial<Record<'licence' | 'id-card', KindReport>>;
  peakRssMb: number;
  warm: boolean;
  documents: {
    name: string;
    kind: string;
    ms: number;
    refused?: string;
    exact: number;
    scored: number;
    wrong: string[];
  }[];
}

const EXPECTED_TYPE = { licence: 'businessLicence', 'id-card': 'idCardFront' } as const;

/** The value a result shows for a field, as printed (dates and amounts as written on the document). */
function shown(result: OcrResult, key: string): string | null {
  const field = result.fields[key];
  if (!field || field.status === 'absent' || field.status === 'unreadable') return null;
  return field.printed ?? field.value;
}

/** Reads every sample once after a warm-up reading and scores each field against its truth. */
export async function runRealOcrBenchmark(options: {
  service: OcrService;
  samples: RealSample[];
  progress?: (message: string) => void;
}): Promise<RealOcrReport> {
  const { service, samples } = options;
  const first = samples[0];
  if (first) await service.recognise(await readFile(first.image)).catch(() => undefined);
  const tallies = new Map<string, { report: KindReport; times: number[] }>();
  const documents: RealOcrReport['documents'] = [];
  for (const sample of samples) {
    const kind = sample.truth.kind;
    const entry = tallies.get(kind) ?? { report: emptyKind(), times: [] };
    tallies.set(kind, entry);
    const { report } = entry;
    report.documents += 1;
    const bytes = await readFile(sample.image);
    const started = performance.now();
    let result: OcrResult | undefined;
    let refused: string | undefined;
    try {
      result = await service.recognise(bytes, { type: kind === 'licence' ? 'businessLicence' : 'idCard' });
      if (result.documentType !== EXPECTED_TYPE[kind]) refused = `读成了 ${result.documentType}`;
    } catch (error) {
      refused = (error as { code?: string }).code ?? 'ERROR';
    }
    const ms = Math.round(performance.now() - started);
    entry.times.push(ms);
    const wrong: string[] = [];
    let exact = 0;
    const scored = Object.keys(sample.truth.fields).length;
    if (refused || !result) report.refused += 1;
    for (const [key, printed] of Object.entries(sample.truth.fields)) {
      const tally = report.perField[key] ?? { scored: 0, exact: 0, confident: 0, confidentWrong: 0 };
      report.perField[key] = tally;
      const got = result ? shown(result, key) : null;
      const ok = got !== null && normalisePrinted(got) === normalisePrinted(printed);
      const confident = result?.fields[key]?.status === 'confident';
      for (const t of [tally, report.fields]) {
        t.scored += 1;
        if (ok) t.exact += 1;
        if (confident) t.confident += 1;
        if (confident && !ok) t.confidentWrong += 1;
      }
      if (ok) exact += 1;
      else wrong.push(key);
    }
    for (const key of sample.truth.absent) {
      report.absent.expected += 1;
      if (result?.fields[key]?.status === 'absent') report.absent.correct += 1;
    }
    documents.push({ name: sample.name, kind, ms, ...(refused ? { refused } : {}), exact, scored, wrong });
    options.progress?.(
      `${sample.name}: ${exact}/${scored} 字段准确，${ms} ms${refused ? `，拒绝（${refused}）` : ''}`,
    );
  }
  const kinds: RealOcrReport['kinds'] = {};
  for (const [kind, { report, times }] of tallies) {
    report.fields.exactRate = rate(report.fields.exact, report.fields.scored);
    report.fields.confidentWrongRate = rate(report.fields.confidentWrong, report.fields.confident);
    report.medianMs = percentile(times, 0.5);
    report.p95Ms = percentile(times, 0.95);
    kinds[kind as 'licence' | 'id-card'] = report;
  }
  return {
    images: samples.length,
    kinds,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    warm: true,
    documents,
  };
}

function emptyKind(): KindReport {
  return {
    documents: 0,
    refused: 0,
    fields: { scored: 0, exact: 0, confident: 0, confidentWrong: 0, exactRate: 0, confidentWrongRate: 0 },
    absent: { expected: 0, correct: 0 },
    perField: {},
    medianMs: 0,
    p95Ms: 0,
  };
}

const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}
