import { SEAL_TYPES } from '../elements/departments.ts';
import type { MergedField } from '../merge/types.ts';
import type { FormValues } from '../model/types.ts';
import { rowScalar, rowsOf } from '../model/values.ts';

/** Who a group row is, for messages: '人员“林志远”', '股东“陈晓梅”', '第2项经营范围', '印章“财务专用章”'. */
export function rowName(group: string, index: number, values: FormValues): string {
  const row = rowsOf(values, group)[index];
  const personName = (id: string | undefined) =>
    rowScalar(
      rowsOf(values, 'persons').find((p) => rowScalar(p, 'id') === id),
      'name',
    );
  switch (group) {
    case 'persons': {
      const name = rowScalar(row, 'name');
      return name ? `人员“${name}”` : `第${index + 1}位人员`;
    }
    case 'shareholders': {
      const name = personName(rowScalar(row, 'person'));
      return name ? `股东“${name}”` : `第${index + 1}位股东`;
    }
    case 'beneficialOwners': {
      const name = personName(rowScalar(row, 'person'));
      return name ? `受益所有人“${name}”` : `第${index + 1}位受益所有人`;
    }
    case 'seals': {
      const type = SEAL_TYPES.optionLabels[rowScalar(row, 'type') ?? ''];
      return type ? `印章“${type}”` : `第${index + 1}枚印章`;
    }
    case 'scope':
      return `第${index + 1}项经营范围`;
    default:
      return `第${index + 1}行`;
  }
}

/** A field's label, prefixed by its row for group fields: '人员“林志远”的移动电话'. */
export function slotLabel(
  field: MergedField,
  path: readonly (string | number)[],
  values: FormValues,
): string {
  if (path.length < 3 || typeof path[1] !== 'number') return field.label;
  return `${rowName(String(path[0]), path[1], values)}的${field.label}`;
}
