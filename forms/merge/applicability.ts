import { itemDef } from '../items/index.ts';
import { personForRole, type Role } from '../model/roles.ts';
import type { FormValues, Row } from '../model/types.ts';
import { rowScalar, rowsOf } from '../model/values.ts';
import type { MergedField } from './types.ts';

/**
 * Whether a person element concerns a given person: a form asks for it for the person acting in a role
 * (the 法定代表人's phone), for the persons it lists (registration members, food-safety managers), or for the
 * persons another group's rows name (shareholders, beneficial owners). An element no form shows directly
 * (the roles, used by derivations) concerns everyone. So a person who is only 财务负责人 is not asked for
 * what only the 法定代表人 must give.
 */
export function concernsPerson(field: MergedField, person: Row, values: FormValues): boolean {
  if (field.usedBy.length === 0) return true;
  const id = rowScalar(person, 'id');
  return field.usedBy.some((use) => {
    if (use.role) return rowScalar(personForRole(values, use.role as Role), 'id') === id;
    const groupId = use.field.split('[].')[0];
    const group = itemDef(use.item).fields.find((f) => f.kind === 'group' && f.id === groupId);
    if (group?.kind !== 'group') return true;
    if (group.from === 'persons') return group.rowsWhere ? group.rowsWhere(person, values) : true;
    return rowsOf(values, group.from).some((row) => rowScalar(row, 'person') === id);
  });
}
