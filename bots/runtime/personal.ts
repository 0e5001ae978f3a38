import { maskIdNumber, maskPhone } from '../../lib/redact.ts';

/** Last segments of contract field ids that hold personal data (docs/item-fields.md). */
const PERSONAL = new Set([
  'name',
  'idNumber',
  'mobile',
  'phone',
  'officePhone',
  'email',
  'smsCode',
  'birthDate',
  'address',
  'recipient',
  'shareholderName',
]);

/** Whether a field (e.g. `members[0].idNumber`, `legalRep.name`) holds a person's data. */
export function isPersonalField(fieldId: string): boolean {
  const last = fieldId.split('.').pop() ?? fieldId;
  return PERSONAL.has(last.replace(/\[\d*\]$/, ''));
}

/**
 * A personal value as evidence may show it: enough to tell two apart, not to use one. `personal` says
 * whether the value is personal (by default its field id decides; the runtime also asks the run's secrets).
 */
export function maskValue(fieldId: string, value: string, personal = isPersonalField(fieldId)): string {
  if (!value || !personal) return value;
  const last = fieldId.split('.').pop() ?? '';
  if (last === 'smsCode') return '******';
  if (/^\d{17}[\dXx]$|^\d{15}$/.test(value)) return maskIdNumber(value);
  if (/^[\d-]{7,}$/.test(value)) return maskPhone(value);
  if (last === 'email') return value.replace(/^(.)[^@]*/, '$1***');
  const chars = [...value];
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 6));
}
