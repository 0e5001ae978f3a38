import type { FormValues, Row } from './types.ts';
import { rowsOf } from './values.ts';

/** Roles of the company's own organisation, shown on the registration form's member list. */
const ORGANISATION_ROLES = [
  '股东',
  '法定代表人',
  '执行董事',
  '董事长',
  '董事',
  '经理',
  '监事',
  '财务负责人',
  '联络员',
] as const;

/**
 * Roles a person can hold. A person is typed once and given every role they hold; items then ask for
 * "the 法定代表人" or "the 办税人" and get that person. 经办人, 办税人 and 专管员 fall back to the 联络员 (one
 * person in practice); 消防安全责任人 falls back to the 法定代表人 and 消防安全管理人 to the 联络员.
 */
export const ROLES = [
  ...ORGANISATION_ROLES,
  '经办人',
  '办税人',
  '专管员',
  '食品安全管理员',
  '消防安全责任人',
  '消防安全管理人',
] as const;

export type Role = (typeof ROLES)[number];

/** The organisation's roles, as the registration form lists its members. */
export const REGISTRATION_ROLES: readonly Role[] = ORGANISATION_ROLES;

const FALLBACK: Partial<Record<Role, Role>> = {
  经办人: '联络员',
  办税人: '联络员',
  专管员: '联络员',
  消防安全责任人: '法定代表人',
  消防安全管理人: '联络员',
};

export function rolesOf(person: Row): readonly string[] {
  const roles = person.roles;
  return Array.isArray(roles) ? roles : [];
}

export function holdsRole(person: Row, role: Role): boolean {
  return rolesOf(person).includes(role);
}

/** Every person explicitly holding the role. */
export function personsWithRole(values: FormValues, role: Role): readonly Row[] {
  return rowsOf(values, 'persons').filter((p) => holdsRole(p, role));
}

/** The person who acts in a role: its first explicit holder, else the holder of its fallback role. */
export function personForRole(values: FormValues, role: Role): Row | undefined {
  for (let r: Role | undefined = role; r; r = FALLBACK[r]) {
    const person = personsWithRole(values, r)[0];
    if (person) return person;
  }
  return undefined;
}

/** The role whose holder will act for `role` (itself, or the fallback chain's first held role). */
export function effectiveRole(values: FormValues, role: Role): Role | undefined {
  for (let r: Role | undefined = role; r; r = FALLBACK[r]) {
    if (personsWithRole(values, r).length > 0) return r;
  }
  return undefined;
}
