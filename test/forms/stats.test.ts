import { describe, expect, it } from 'vitest';
import { computeStats } from '../../forms/stats/stats.ts';
import { runYijian } from '../support/cli.ts';
import { referenceCase } from './reference.ts';

describe('merged-form statistics', () => {
  it('the reference case: > 200 original field slots, at most 25 values to type', async () => {
    const stats = computeStats('open-company', await referenceCase());
    expect(stats.rawSlots).toBeGreaterThan(200);
    expect(stats.applicantTyped).toBeLessThanOrEqual(25);
    expect(stats.stillToType).toBe(0);
    expect(stats).toMatchObject({
      rawSlots: 224,
      uniqueElements: 81,
      applicantTyped: 21,
      prefilledByOcr: 12, // 姓名, 证件号码, 民族, 住址 of three people
      producedByItems: 4,
      uploads: 7,
      missingMaterials: 0,
      resolvedAtRunTime: 5,
    });
    expect(stats.derived).toBeGreaterThan(20);
    expect(stats.defaulted).toBeGreaterThan(40);
  });

  it('without ID card photos, the person fields are typed', async () => {
    const formCase = await referenceCase();
    const noPhotos = { ...formCase, documents: formCase.documents.filter((d) => d.kind === 'domicileProof') };
    const stats = computeStats('open-company', noPhotos);
    expect(stats.prefilledByOcr).toBe(0);
    expect(stats.stillToType).toBe(12);
    expect(stats.applicantTyped).toBe(33);
    expect(stats.missingMaterials).toBe(6);
  });

  it('`yijian forms stats open-company --case reference --json` prints the same numbers', async () => {
    const run = runYijian(['forms', 'stats', 'open-company', '--case', 'reference', '--json']);
    expect(await run.exited).toBe(0);
    const printed = JSON.parse(run.output().slice(run.output().indexOf('{')));
    expect(printed).toEqual(JSON.parse(JSON.stringify(computeStats('open-company', await referenceCase()))));
    for (const name of [
      'rawSlots',
      'uniqueElements',
      'applicantTyped',
      'prefilledByOcr',
      'derived',
      'defaulted',
      'producedByItems',
    ]) {
      expect(typeof printed[name]).toBe('number');
    }
  });

  it('names an unknown bundle, or a case of another bundle, in Chinese', async () => {
    expect(() => computeStats('open-bakery')).toThrow('没有名为“open-bakery”的事项包');
    const reference = await referenceCase();
    expect(() => computeStats('open-restaurant', reference)).toThrow('案例属于事项包“open-company”');
  });
});
