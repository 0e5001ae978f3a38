import { describe, expect, it } from 'vitest';
import { BUNDLES } from '../../forms/bundles/index.ts';
import { DERIVATIONS } from '../../forms/derive/index.ts';
import { ELEMENTS, GROUPS } from '../../forms/elements/catalogue.ts';
import { ITEMS } from '../../forms/items/index.ts';
import { itemUsages } from '../../forms/merge/usages.ts';
import { splitGroupKey } from '../../forms/model/types.ts';

describe('the catalogue is consistent', () => {
  it('every derived source names a rule for that element, and every rule has its element', () => {
    for (const element of ELEMENTS.values()) {
      for (const source of element.sources) {
        if (source.kind === 'derived') expect(source.rule).toBe(element.key);
        if (source.kind === 'derived') expect(DERIVATIONS.has(source.rule)).toBe(true);
        if (source.kind === 'item')
          expect(ITEMS.get(source.item)?.produces.map((p) => p.id)).toContain(source.output);
      }
    }
    for (const rule of DERIVATIONS.values()) {
      expect(ELEMENTS.has(rule.target)).toBe(true);
      for (const input of rule.inputs)
        expect(ELEMENTS.has(input), `${rule.target} reads ${input}`).toBe(true);
    }
  });

  it('every item field uses catalogue elements, and group elements belong to a known group', () => {
    for (const item of ITEMS.values()) {
      for (const usage of itemUsages(item))
        expect(ELEMENTS.has(usage.element), `${item.id}.${usage.field}`).toBe(true);
    }
    for (const key of ELEMENTS.keys()) {
      const group = splitGroupKey(key)?.[0];
      if (group) expect(GROUPS.has(group), key).toBe(true);
    }
  });

  it('every element has a Chinese label and a source; uploads name their document', () => {
    for (const element of ELEMENTS.values()) {
      expect(element.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(element.sources.length).toBeGreaterThan(0);
      expect(element.kind === 'upload').toBe(element.document !== undefined);
    }
  });

  it('persons are typed once and hold roles; ID numbers and phones are sensitive', () => {
    expect(ELEMENTS.get('persons[].roles')?.kind).toBe('multi');
    expect(ELEMENTS.get('persons[].idNumber')?.sensitive).toBe(true);
    expect(ELEMENTS.get('persons[].mobile')?.sensitive).toBe(true);
    expect([...ELEMENTS.keys()].filter((k) => /^(legalRep|financeOfficer|agent|contact)\./.test(k))).toEqual(
      [],
    );
  });

  it('the bundles list the ten items', () => {
    const items = new Set([...BUNDLES.values()].flatMap((b) => b.items.map((i) => i.item)));
    expect([...items].sort()).toEqual([...ITEMS.keys()].sort());
    expect(
      BUNDLES.get('open-company')
        ?.items.filter((i) => i.optional)
        .map((i) => i.item),
    ).toEqual(['bank-account', 'housing-fund']);
  });
});
