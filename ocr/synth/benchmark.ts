import { availableParallelism, loadavg } from 'node:os';
import type { OcrService } from '../service.ts';
import { type Condition, generateSample, type Sample } from './dataset.ts';

/**
 * Accuracy and speed of the OCR service on generated documents with ground truth. All documents are
 * generated first, the pool is warmed up, then each document is read on its own (latency with a warm pool).
 *
 * - exact: share of fields whose value equals the truth (whatever their status);
 * - confidentWrong: share of the values marked confident that are wrong (the number that must stay tiny);
 * - confidentShare / unreadableShare: how many fields came back confident / unreadable;
 * - medianMs / p95Ms: time per document from the uploaded bytes to the fields.
 */
export interface ConditionReport {
  documents: number;
  fields: number;
  exact: number;
  confidentWrong: number;
  confidentShare: number;
  unreadableShare: number;
  /** Documents whose type was not recognised at all (every field then counts as wrong). */
  failedDocuments: number;
  medianMs: number;
  p95Ms: number;
  perField: Record<string, { exact: number; confidentWrong: number; confidentShare: number }>;
}

export type DocumentReport = Record<Condition, ConditionReport>;

export interface BenchReport {
  idCard: DocumentReport;
  businessLicence: DocumentReport;
  /** Emblem sides recognised as such (not as a portrait side, not as nothing). */
  emblemSide: { documents: number; detected: number };
  workers: number;
  cores: number;
  loadAverage: { before: number; after: number };
  seed: number;
}

export interface BenchOptions {
  service: OcrService;
  workers: number;
  idCards: number;
  licences: number;
  emblemSides: number;
  seed: number;
  progress?: (message: string) => void;
}

const CONDITIONS: Condition[] = ['clean', 'phone'];

export async function runOcrBenchmark(options: BenchOptions): Promise<BenchReport> {
  const { service, progress = () => {} } = options;
  const before = loadavg()[0] ?? 0;
  const sets: Record<'idCard' | 'businessLicence', Record<Condition, Sample[]>> = {
    idCard: { clean: [], phone: [] },
    businessLicence: { clean: [], phone: [] },
  };
  for (const condition of CONDITIONS) {
    progress(`生成样本：身份证 ${options.idCards} 张、营业执照 ${options.licences} 张（${condition}）`);
    for (let i = 0; i < options.idCards; i += 1) {
      sets.idCard[condition].push(await generateSample('idCard', condition, options.seed + i));
    }
    for (let i = 0; i < options.licences; i += 1) {
      sets.businessLicence[condition].push(
        await generateSample('businessLicence', condition, options.seed + i),
      );
    }
  }
  const backs: Sample[] = [];
  for (let i = 0; i < options.emblemSides; i += 1)
    backs.push(await generateSample('idCardBack', 'phone', options.seed + i));

  const warmUp = sets.idCard.clean[0] ?? sets.businessLicence.clean[0];
  if (warmUp) await service.recognise(warmUp.jpeg).catch(() => undefined);

  const report = {} as Pick<BenchReport, 'idCard' | 'businessLicence'>;
  for (const type of ['idCard', 'businessLicence'] as const) {
    report[type] = {} as DocumentReport;
    for (const condition of CONDITIONS) {
      progress(`识别：${type} ${condition}`);
      report[type][condition] = await measure(service, sets[type][condition]);
    }
  }
  let detected = 0;
  for (const back of backs) {
    const result = await service.recognise(back.jpeg).catch(() => undefined);
    if (result?.documentType === 'idCardBack') detected += 1;
  }
  return {
    ...report,
    emblemSide: { documents: backs.length, detected },
    workers: options.workers,
    cores: availableParallelism(),
    loadAverage: { before: round(before), after: round(loadavg()[0] ?? 0) },
    seed: options.seed,
  };
}

async function measure(service: OcrService, samples: Sample[]): Promise<ConditionReport> {
  const times: number[] = [];
  const tally = new Map<
    string,
    { total: number; exact: number; confident: number; confidentWrong: number }
  >();
  let unreadable = 0;
  let failedDocuments = 0;
  for (const sample of samples) {
    const truth = truthFields(sample);
    const started = performance.now();
    const result = await service.recognise(sample.jpeg).catch(() => undefined);
    times.push(performance.now() - started);
    if (!result || result.documentType === 'idCardBack') failedDocuments += 1;
    for (const [key, expected] of Object.entries(truth)) {
      const entry = tally.get(key) ?? { total: 0, exact: 0, confident: 0, confidentWrong: 0 };
      tally.set(key, entry);
      const got = result?.fields[key];
      entry.total += 1;
      const right = got?.value === expected;
      if (right) entry.exact += 1;
      if (got?.status === 'confident') {
        entry.confident += 1;
        if (!right) entry.confidentWrong += 1;
      }
      if (!got || got.status === 'unreadable') unreadable += 1;
    }
  }
  const sum = (
    pick: (e: { total: number; exact: number; confident: number; confidentWrong: number }) => number,
  ) => [...tally.values()].reduce((total, entry) => total + pick(entry), 0);
  const fields = sum((e) => e.total);
  const confident = sum((e) => e.confident);
  times.sort((a, b) => a - b);
  return {
    documents: samples.length,
    fields,
    exact: ratio(
      sum((e) => e.exact),
      fields,
    ),
    confidentWrong: ratio(
      sum((e) => e.confidentWrong),
      confident,
    ),
    confidentShare: ratio(confident, fields),
    unreadableShare: ratio(unreadable, fields),
    failedDocuments,
    medianMs: Math.round(quantile(times, 0.5)),
    p95Ms: Math.round(quantile(times, 0.95)),
    perField: Object.fromEntries(
      [...tally.entries()].map(([key, e]) => [
        key,
        {
          exact: ratio(e.exact, e.total),
          confidentWrong: ratio(e.confidentWrong, e.confident),
          confidentShare: ratio(e.confident, e.total),
        },
      ]),
    ),
  };
}

/** The fields a reader must return for a sample, by key (licence variant not included). */
export function truthFields(sample: Sample): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(sample.truth.fields)) {
    if (key !== 'variant' && typeof value === 'string') out[key] = value;
  }
  return out;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
