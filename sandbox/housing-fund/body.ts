import type { RawValue } from '../kit/submissions.ts';

/** A form body by the agency's HTML names (dwmc, qjny, …), as the POST carried it. */
export type Body = Record<string, RawValue>;

/** Messages by HTML name, shown beside the field. */
export type Errors = Record<string, string>;

export function str(body: Body, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export function list(body: Body, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}
