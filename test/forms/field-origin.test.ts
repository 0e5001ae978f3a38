import { describe, expect, it } from 'vitest';
import { fieldOrigin } from '../../forms/index.ts';

describe('fieldOrigin: a portal complaint back to the merged form', () => {
  it('maps a scalar field of a department form to its element and both labels', () => {
    expect(fieldOrigin('business-registration', 'companyName')).toEqual({
      label: '企业名称',
      elements: ['company.name'],
      mergedLabels: ['企业名称'],
    });
  });

  it('maps a row field, whatever the row, to the person element', () => {
    const origin = fieldOrigin('business-registration', 'members[2].idNumber');
    expect(origin?.elements).toEqual(['persons[].idNumber']);
    expect(origin?.label).toMatch(/^成员 /);
  });

  it('knows nothing of fields the item does not have', () => {
    expect(fieldOrigin('business-registration', 'noSuchField')).toBeUndefined();
    expect(fieldOrigin('no-such-item', 'companyName')).toBeUndefined();
  });
});
