import { z } from 'zod';
import { type FieldIssue, invalid } from './errors.ts';

/**
 * zod at the boundary, with Chinese messages: the schemas give their own wording where it matters, and
 * zod's zh-CN locale covers the rest. Issues keep their path so each message lands beside its field.
 */
const zhCN = z.locales.zhCN().localeError;

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

/** Parses or throws a 422 HttpError carrying the field issues. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input, { error: zhCN });
  if (!result.success) throw invalid(issuesOf(result.error));
  return result.data;
}

/** For pages: the data, or one message per field (the first problem of each) to show beside it. */
export function parseForm<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; data: z.output<T> } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(input, { error: zhCN });
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Form text: trimmed, a missing field treated as empty. */
export const formText = (message: string, max = 200) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : ''),
    z.string().min(1, message).max(max, `不能超过 ${max} 个字`),
  );

export const MOBILE = /^1[3-9]\d{9}$/;
export const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

/** A local path to return to after signing in (never another site). */
export function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : undefined;
}

/** The largest value of a PostgreSQL `integer` column (versions, step numbers). */
export const PG_INT_MAX = 2_147_483_647;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text the store and the pages can keep: no NUL (PostgreSQL refuses it in text) and no lone surrogate
 * (half of a character, which UTF-8 cannot encode).
 */
export function isWellFormedText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The first string (key or value) in a parsed query or body that is not well-formed text, if any. */
export function findIllFormedText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return isWellFormedText(value) ? undefined : value;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (!isWellFormedText(key)) return key;
    const found = findIllFormedText(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A calendar day `yyyy-MM-dd` that exists (no 2 月 30 日), years 1900–2999. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')
  .refine((day) => {
    const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return (
      y >= 1900 &&
      y <= 2999 &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d
    );
  }, '日期不存在，请检查年、月、日');

/** A row id in a path or query (`bigserial`): digits only, within the integers JavaScript keeps exactly. */
export const rowId = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, '编号格式不正确')
  .transform(Number);

/** A small counter in a path (`integer` columns: step numbers). */
export const rowSeq = z
  .string()
  .regex(/^\d{1,10}$/, '序号格式不正确')
  .transform(Number)
  .refine((n) => n <= PG_INT_MAX, '序号格式不正确');

/**
 * Control characters (C0, DEL, C1) and the invisible format characters that reorder or hide text: the
 * bidirectional embeddings, overrides and isolates (U+202E shows `invoice‮fdp.exe` as `invoiceexe.pdf`),
 * the Arabic letter mark, zero-width characters and the byte order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A name as people will see it (file names, display names): without characters that hide or reorder it. */
export function cleanDisplayText(raw: string): string {
  return raw.replace(HIDDEN_CHARACTERS, '').trim();
}

/** A display name typed in a form (a person's name): trimmed, hidden characters removed, then checked. */
export const displayText = (message: string, max = 200) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? cleanDisplayText(value) : ''),
    z.string().min(1, message).max(max, `不能超过 ${max} 个字`),
  );
