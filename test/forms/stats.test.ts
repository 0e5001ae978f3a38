import { describe, expect, it } from 'vitest';
import { loadCase } from '../../forms/cases/load.ts';
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

  it('the reference case: every action of the applicant, and the defaults shown to accept', async () => {
    const formCase = await referenceCase();
    const stats = computeStats('open-company', formCase);
    const persons = formCase.typed.persons as readonly { roles: readonly string[] }[];
    const roleTicks = persons.reduce((n, p) => n + p.roles.length, 0);
    expect(roleTicks).toBe(8);
    expect(stats.applicantActionsByKind).toEqual({
      // 3 mobiles, 2 ratios, name, capital, employees, address detail, wage base, payday
      typed: 11,
      // company type, domicile region, bank, 3 scope entries
      choices: 6,
      // one per person and role, and the declarations box
      ticks: roleTicks + 1,
      // ID card front and back of three people, the lease contract
      uploads: 7,
      // 姓名, 证件号码, 民族, 住址 of three people: the case does not say the reader was sure of any
      ocrConfirmations: 12,
      // the SMS code sent by the seal portal
      botAnswers: 1,
    });
    expect(stats.applicantActions).toBe(11 + 6 + 9 + 7 + 12 + 1);
    // applicantTyped counts the same values, with the roles once per person and no uploads.
    expect(stats.applicantTyped).toBe(11 + 6 + persons.length + 1);
    expect(stats.defaultsToAccept).toBe(59);
    expect(stats.defaultsToAccept).toBe(stats.defaulted);
  });

  it('OCR values the reader was sure of need no confirmation', async () => {
    const formCase = await referenceCase();
    const sure = {
      ...formCase,
      documents: formCase.documents.map((d) =>
        d.id === 'p1-id-front' ? { ...d, confident: ['name', 'idNumber', 'ethnicity', 'address'] } : d,
      ),
    };
    const stats = computeStats('open-company', sure);
    expect(stats.applicantActionsByKind?.ocrConfirmations).toBe(8);
    expect(stats.applicantActions).toBe(46 - 4);
    expect(stats.prefilledByOcr).toBe(12);
  });

  it('a value typed over an OCR reading is a typed value, not a confirmation', async () => {
    const formCase = await referenceCase();
    const persons = formCase.typed.persons as readonly Record<string, unknown>[];
    const typedOver = {
      ...formCase,
      typed: { ...formCase.typed, persons: persons.map((p, i) => (i === 0 ? { ...p, name: '林志远' } : p)) },
    } as typeof formCase;
    const stats = computeStats('open-company', typedOver);
    expect(stats.applicantActionsByKind).toMatchObject({ typed: 12, ocrConfirmations: 11 });
    expect(stats.applicantActions).toBe(46);
  });

  it('without ID card photos, the person fields are typed', async () => {
    const formCase = await referenceCase();
    const noPhotos = { ...formCase, documents: formCase.documents.filter((d) => d.kind === 'domicileProof') };
    const stats = computeStats('open-company', noPhotos);
    expect(stats.prefilledByOcr).toBe(0);
    expect(stats.stillToType).toBe(12);
    expect(stats.applicantTyped).toBe(33);
    expect(stats.missingMaterials).toBe(6);
    // 姓名, 证件号码 and 住址 keyed in, 民族 picked, for three people; six photos still to upload.
    expect(stats.applicantActionsByKind).toEqual({
      typed: 11 + 9,
      choices: 6 + 3,
      ticks: 9,
      uploads: 7,
      ocrConfirmations: 0,
      botAnswers: 1,
    });
    expect(stats.applicantActions).toBe(20 + 9 + 9 + 7 + 1);
  });

  it('counts nothing about the applicant without a case', () => {
    const stats = computeStats('open-company');
    expect(stats).toMatchObject({
      applicantActions: null,
      applicantActionsByKind: null,
      defaultsToAccept: null,
    });
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
      'applicantActions',
      'defaultsToAccept',
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

describe('merged-form statistics of 开餐饮店', () => {
  it('the restaurant case: the licence photo gives the company, five items from 93 slots', async () => {
    const formCase = await loadCase('restaurant');
    const stats = computeStats('open-restaurant', formCase);
    expect(stats.items).toEqual([
      'social-insurance',
      'housing-fund',
      'food-business-licence',
      'signboard',
      'fire-safety',
    ]);
    expect(stats).toMatchObject({
      rawSlots: 93,
      uniqueElements: 59,
      applicantTyped: 19,
      stillToType: 0,
      // 名称, 统一社会信用代码, 住所 (region and detail), 成立日期 from the licence; 姓名 and 证件号码 of two people
      prefilledByOcr: 9,
      producedByItems: 0,
      uploads: 9,
      missingMaterials: 0,
      conflicts: 0,
    });
    expect(stats.applicantActions).toBe(42);
  });

  it('a new licence puts business registration first and its outputs into the permits', async () => {
    const formCase = await loadCase('restaurant');
    const fresh = computeStats('open-restaurant', {
      ...formCase,
      choice: { ...formCase.choice, options: { licence: 'new' } },
      documents: formCase.documents.filter((d) => d.kind !== 'businessLicence'),
    });
    expect(fresh.waves[0]).toEqual(['business-registration']);
    expect(fresh.waves[1]).toEqual(
      expect.arrayContaining(['food-business-licence', 'signboard', 'fire-safety']),
    );
    // 统一社会信用代码 and 成立日期 come from the registration now, not from a photo.
    expect(fresh.producedByItems).toBeGreaterThan(0);
    expect(fresh.rawSlots).toBeGreaterThan(93);
  });

  it('`yijian forms stats open-restaurant --case restaurant --json` prints the same numbers', async () => {
    const run = runYijian(['forms', 'stats', 'open-restaurant', '--case', 'restaurant', '--json']);
    expect(await run.exited).toBe(0);
    const printed = JSON.parse(run.output().slice(run.output().indexOf('{')));
    expect(printed).toEqual(
      JSON.parse(JSON.stringify(computeStats('open-restaurant', await loadCase('restaurant')))),
    );
  });
});
