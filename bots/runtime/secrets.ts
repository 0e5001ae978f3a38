import { ELEMENTS, ITEMS } from '../../forms/index.ts';
import type { ItemRunRequest } from '../item-runner.ts';

/**
 * The values of one run that must never be shown in full: those of sensitive data elements (ID numbers,
 * mobiles, addresses, bank accounts: `sensitive` in forms/elements), fields whose contract name says so
 * (a portal's own ID number, phone, SMS code), the portal password and the SMS codes typed during the run.
 * Sensitivity follows the value: a field bound under another name (单位电话 holding the legal
 * representative's mobile) is masked when its value is one of these.
 */

/** Last segments of contract field ids that always hold a secret or an identifier. */
const SENSITIVE_NAMES = new Set([
  'idNumber',
  'mobile',
  'phone',
  'officePhone',
  'accountNo',
  'smsCode',
  'password',
]);

/** Values shorter than this are not hunted for in free text (a `1` would be everywhere). */
const MIN_SECRET_LENGTH = 4;

const lastSegment = (fieldId: string) => (fieldId.split('.').pop() ?? fieldId).replace(/\[\d*\]$/, '');

/** `members[2].idNumber` → `members[].idNumber`: group rows share their field's sensitivity. */
const rowless = (fieldId: string) => fieldId.replace(/\[\d+\]/g, '[]');

function asks(directive: () => string): boolean {
  try {
    return directive().startsWith('ask:');
  } catch {
    return false;
  }
}

/** Contract field ids of an item (group fields as `group[].field`) whose element is sensitive. */
function sensitiveFieldsOf(itemId: string): Set<string> {
  const item = ITEMS.get(itemId);
  const fields = new Set<string>();
  if (!item) return fields;
  for (const field of item.fields) {
    const inner = field.kind === 'group' ? field.fields : [field];
    const prefix = field.kind === 'group' ? `${field.id}[].` : '';
    for (const f of inner) {
      // What only a person can supply (`ask:`: an SMS code) is a secret as well.
      const sensitive =
        (f.kind === 'element' && ELEMENTS.get(f.element)?.sensitive === true) ||
        (f.kind === 'directive' && asks(() => f.directive({ values: {} })));
      if (sensitive) fields.add(`${prefix}${f.id}`);
    }
  }
  return fields;
}

export class Secrets {
  readonly #fields: Set<string>;
  readonly #values = new Set<string>();

  constructor(itemId: string) {
    this.#fields = sensitiveFieldsOf(itemId);
  }

  /** The secrets of a run request: its sensitive values and the portal password. */
  static of(request: Pick<ItemRunRequest, 'itemId' | 'values' | 'credentials'>): Secrets {
    const secrets = new Secrets(request.itemId);
    const visit = (fieldId: string, value: unknown) => {
      if (Array.isArray(value) && value.some((row) => row && typeof row === 'object')) {
        for (const [i, row] of value.entries()) {
          if (!row || typeof row !== 'object') continue;
          for (const [key, inner] of Object.entries(row)) visit(`${fieldId}[${i}].${key}`, inner);
        }
        return;
      }
      if (secrets.isSensitiveField(fieldId)) {
        for (const one of Array.isArray(value) ? value : [value]) {
          if (typeof one === 'string' || typeof one === 'number') secrets.add(String(one));
        }
      }
    };
    for (const [fieldId, value] of Object.entries(request.values)) visit(fieldId, value);
    if (request.credentials?.password) secrets.add(request.credentials.password);
    return secrets;
  }

  /** Whether the field holds a sensitive value whatever it is (its element or its name says so). */
  isSensitiveField(fieldId: string): boolean {
    return this.#fields.has(rowless(fieldId)) || SENSITIVE_NAMES.has(lastSegment(fieldId));
  }

  /** Adds a value learnt during the run (an SMS code); directives (`ask:…`) are not values. */
  add(value: string): void {
    const trimmed = value.trim();
    if (trimmed && !/^(auto|ask):/.test(trimmed)) this.#values.add(trimmed);
  }

  /** Whether this value, in this field, must be masked. */
  covers(fieldId: string, value: unknown): boolean {
    if (this.isSensitiveField(fieldId)) return true;
    const values = Array.isArray(value) ? value : [value];
    return values.some(
      (one) => (typeof one === 'string' || typeof one === 'number') && this.#values.has(String(one).trim()),
    );
  }

  /** Whether the value is one of the run's secrets (wherever it shows up). */
  has(value: string): boolean {
    return this.#values.has(value.trim());
  }

  /** The secret values long enough to be looked for in free text, longest first. */
  list(): string[] {
    return [...this.#values].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }

  /** Replaces every secret in free text (as typed, JSON-escaped or URL-encoded) with `mask`. */
  redact(text: string, mask = '******'): string {
    let out = text;
    for (const value of this.list()) {
      for (const form of spellings(value)) if (out.includes(form)) out = out.split(form).join(mask);
    }
    return out;
  }
}

/** How a value may be written in a trace: as typed, inside a JSON string, or in a URL or form body. */
export function spellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const url = encodeURIComponent(value);
  const form = url.replace(/%20/g, '+');
  return [...new Set([value, json, url, form])];
}
