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
