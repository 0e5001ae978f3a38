/**
 * Reading a posted form by the portal's own HTML names. Every sandbox portal reads its bodies the same way;
 * only the names and the wording of its messages differ, and those stay in the portal.
 */
import type { RawValue } from './submissions.ts';

/** A form body by the portal's HTML names, as the POST carried it. */
export type Body = Record<string, RawValue>;

/** Messages by HTML name, shown beside the field. */
export type Errors = Record<string, string>;

/** A mainland mobile number, as every portal checks it. */
export const MOBILE = /^1[3-9]\d{9}$/;

/** The first value under `name`, trimmed ('' when absent). */
export function str(body: Body, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Every value under `name`, trimmed, with the empty ones kept so that parallel lists stay aligned by row. */
export function all(body: Body, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim());
}

/** Every non-empty value under `name`, trimmed (checkboxes, multi-selects). */
export function list(body: Body, name: string): string[] {
  return all(body, name).filter((v) => v !== '');
}

/** Row indexes of a repeating group posted as `ubo[2][name]`, in order. */
export function rowIndexes(body: Body, prefix: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix}\\[(\\d+)\\]\\[`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}
