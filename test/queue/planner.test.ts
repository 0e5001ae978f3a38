import { describe, expect, it } from 'vitest';
import { blockedItems, comingItems, PlanError, planWaves, readyItems } from '../../queue/planner.ts';
import type { ItemStatus } from '../../store/application-items.repo.ts';
import { OPEN_COMPANY } from '../support/open-company.ts';

describe('the planner', () => {
  it('lays the 开办企业 items out in the three waves of the domain', () => {
    expect(planWaves(OPEN_COMPANY)).toEqual([
      ['business-registration'],
      ['seal-engraving', 'bank-account'],
      ['tax-registration', 'social-insurance', 'medical-insurance', 'housing-fund'],
    ]);
  });

  it('starts an item as soon as its own needs are done, not when its whole wave is', () => {
    const states = new Map<string, ItemStatus>(OPEN_COMPANY.map((i) => [i.itemId, 'waiting']));
    states.set('business-registration', 'done');
    states.set('seal-engraving', 'awaiting-person');
    states.set('bank-account', 'done');
    expect(readyItems(OPEN_COMPANY, states).map((i) => i.itemId)).toEqual([
      'tax-registration',
      'social-insurance',
      'medical-insurance',
      'housing-fund',
    ]);
  });

  it('names the items that will run once what is under way finishes, for warm log-ins', () => {
    const states = new Map<string, ItemStatus>(OPEN_COMPANY.map((i) => [i.itemId, 'waiting']));
    const ids = (items: { itemId: string }[]) => items.map((i) => i.itemId);
    const later = OPEN_COMPANY.slice(1).map((i) => i.itemId);
    // One key: registration is about to start, so everything after it is coming.
    expect(ids(comingItems(OPEN_COMPANY, states, new Set(['business-registration'])))).toEqual(later);
    // Nothing under way yet: nothing is coming.
    expect(ids(comingItems(OPEN_COMPANY, states))).toEqual([]);
    states.set('business-registration', 'awaiting-approval');
    expect(ids(comingItems(OPEN_COMPANY, states))).toEqual(later);
    states.set('business-registration', 'done');
    states.set('bank-account', 'running');
    states.set('seal-engraving', 'done');
    expect(ids(comingItems(OPEN_COMPANY, states))).toEqual(later.slice(2));
    // Behind a failed need nothing is coming; a failed item itself is not either.
    states.set('bank-account', 'failed');
    expect(ids(comingItems(OPEN_COMPANY, states))).toEqual([]);
  });

  it('reports items that cannot start because something they need failed', () => {
    const states = new Map<string, ItemStatus>(OPEN_COMPANY.map((i) => [i.itemId, 'waiting']));
    states.set('business-registration', 'done');
    states.set('bank-account', 'failed');
    states.set('seal-engraving', 'done');
    expect(blockedItems(OPEN_COMPANY, states).sort()).toEqual([
      'housing-fund',
      'medical-insurance',
      'social-insurance',
      'tax-registration',
    ]);
  });

  it('refuses a cycle and a need outside the plan', () => {
    expect(() =>
      planWaves([
        { itemId: 'a', portalId: 'p', needs: ['b'] },
        { itemId: 'b', portalId: 'p', needs: ['a'] },
      ]),
    ).toThrow(PlanError);
    expect(() => planWaves([{ itemId: 'a', portalId: 'p', needs: ['x'] }])).toThrow(/not in the plan/);
  });
});
