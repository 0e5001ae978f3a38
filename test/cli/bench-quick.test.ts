import { describe, expect, it, onTestFinished } from 'vitest';
import { runYijian } from '../support/cli.ts';

/**
 * Every benchmark as a smoke run (`--quick`): it still runs end to end against real portals, browsers and
 * OCR, and its JSON parses and agrees with itself. Nothing here asserts a speed; a broken benchmark fails.
 */
async function bench(args: string[]): Promise<Record<string, unknown>> {
  const running = runYijian(['bench', ...args, '--quick', '--json'], { LOG_LEVEL: 'warn' });
  // A run that outlives its test (a timeout) is stopped with it: it must not go on loading the machine.
  onTestFinished(() => {
    if (running.child.exitCode === null) running.child.kill('SIGTERM');
  });
  let stdout = '';
  running.child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const code = await running.exited;
  if (code !== 0)
    throw new Error(`bench ${args.join(' ')} exited ${code}:\n${running.output().slice(-3000)}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: the reports are checked field by field below.
type Json = any;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The OCR benchmark's accuracy on a clean ID card is asserted here, on the command's own report, not by a
 * second in-process run of the same documents.
 */
describe('benchmarks as smoke runs', () => {
  it('bench e2e --quick files the reference case once, and its figures agree with each other', async () => {
    const report: Json = await bench(['e2e', '--captcha', 'person']);
    expect(report.benchmark).toBe('e2e');
    expect(report.captcha).toBe('person');
    // The 承诺书 countdown as short as the other end-to-end filings wait it (the portal's own is 8 s).
    expect(report.settings).toMatchObject({ quick: true, runs: 1, captcha: 'person', noticeSeconds: 2 });
    expect(report.runs).toHaveLength(1);
    const [run] = report.runs;
    expect(report.wallMs).toBe(Math.round(run.wallMs));
    expect(report.criticalPathMs).toBe(Math.round(run.criticalPathMs));
    expect(report.oracleWallMs).toBe(Math.round(run.oracleWallMs));
    expect(run.ratio).toBeCloseTo(run.wallMs / run.oracleWallMs, 2);
    expect(run.ratioToOwnRequests).toBeCloseTo(run.wallMs / run.criticalPathMs, 2);
    // Lower bounds: never above the wall time.
    expect(run.criticalPathMs).toBeGreaterThan(0);
    expect(run.criticalPathMs).toBeLessThanOrEqual(run.wallMs);
    expect(run.oracleWallMs).toBeGreaterThan(0);
    expect(run.oracleWallMs).toBeLessThanOrEqual(run.wallMs);
    expect(run.oracle.path.every((id: string) => run.items.some((item: Json) => item.itemId === id))).toBe(
      true,
    );
    expect(report.verified).toEqual({ items: run.items.length, receivedOnce: true, mismatches: 0 });
    // With a person reading every CAPTCHA, each unified login was answered by the simulated clerk.
    expect(run.captchaAnswers.length).toBeGreaterThan(0);
    const ids = run.items.map((item: Json) => item.itemId);
    expect(run.path.every((id: string) => ids.includes(id))).toBe(true);
    for (const item of run.items) {
      expect(item.boundMs).toBeGreaterThanOrEqual(item.serviceMs);
      expect(item.bound.finishMs - item.bound.startMs).toBe(item.boundMs);
      expect(item.bound.finishMs).toBeLessThanOrEqual(run.criticalPathMs);
      expect(item.onCriticalPath).toBe(run.path.includes(item.itemId));
    }
  }, 420_000);

  it('bench bots --quick runs each phase once, and the speed-up divides by the better baseline', async () => {
    const report: Json = await bench(['bots']);
    expect(report.benchmark).toBe('bots');
    expect(report.settings).toMatchObject({
      quick: true,
      items: 2,
      measuredItems: ['seal-engraving', 'tax-registration'],
      concurrencies: [1],
      repeats: 1,
      // Registration and bank filed once, for the first phase; the others reuse them.
      sharedSetup: true,
    });
    const names = report.phases.map((p: Json) => p.name);
    expect(names).toEqual(['naive', 'parallel-naive-1', 'concurrency-1']);
    expect([...report.order].sort()).toEqual([...names].sort());
    for (const phase of report.phases) {
      expect(phase.samples).toHaveLength(1);
      expect(phase.items).toBe(2);
      expect(phase.perMinute).toBeCloseTo((phase.items * 60_000) / phase.elapsedMs, 1);
      expect(phase.spread.perMinute).toEqual([phase.samples[0].perMinute, phase.samples[0].perMinute]);
      // A browser per job: two jobs, two browsers at least (retries launch more).
      if (phase.kind !== 'measured') expect(phase.browserLaunches).toBeGreaterThanOrEqual(2);
    }
    const perMinute = (name: string) => report.phases.find((p: Json) => p.name === name).perMinute;
    expect(report.naivePerMinute).toBe(perMinute('naive'));
    expect(report.parallelNaivePerMinute).toEqual({ '1': perMinute('parallel-naive-1') });
    expect(report.perMinute).toEqual({ '1': perMinute('concurrency-1') });
    expect(report.baseline.perMinute).toBe(Math.max(perMinute('naive'), perMinute('parallel-naive-1')));
    expect(report.speedupVsNaive).toBeCloseTo(perMinute('concurrency-1') / report.baseline.perMinute, 1);
    expect(report.speedupVsSerialNaive).toBeCloseTo(perMinute('concurrency-1') / perMinute('naive'), 1);
    expect(report.target.met).toBe(report.speedupVsNaive >= report.target.speedupAtLeast);
    expect(report.peakRssMb).toBeGreaterThanOrEqual(Math.max(...report.phases.map((p: Json) => p.peakRssMb)));
  }, 600_000);

  it('bench ocr --quick reads a few generated documents of each kind and condition', async () => {
    const report: Json = await bench(['ocr', '--seed', '7']);
    expect(report.quick).toBe(true);
    expect(report.emblemSide).toEqual({ documents: 1, detected: 1 });
    for (const [type, documents] of [
      ['idCard', 1],
      ['businessLicence', 1],
    ] as const) {
      for (const condition of ['clean', 'phone'] as const) {
        const r = report[type][condition];
        expect(r.documents).toBe(documents);
        for (const share of [r.exact, r.confidentWrong, r.confidentShare, r.unreadableShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(r.confidentShare + r.unreadableShare).toBeLessThanOrEqual(1 + 1e-9);
        expect(r.medianMs).toBeGreaterThan(0);
        expect(r.p95Ms).toBeGreaterThanOrEqual(r.medianMs);
        expect(Object.keys(r.perField)).toContain(type === 'idCard' ? 'idNumber' : 'creditCode');
        expect(sum(Object.values(r.perField).map((f: Json) => f.exact))).toBeGreaterThanOrEqual(0);
      }
    }
    // A clean ID card (seed 7): most fields right, and nothing confidently wrong.
    expect(report.idCard.clean.exact).toBeGreaterThanOrEqual(0.8);
    expect(report.idCard.clean.confidentWrong).toBe(0);
  }, 300_000);
});
