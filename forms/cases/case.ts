import { z } from 'zod';
import type { DocumentReading } from '../derive/documents.ts';
import type { FormValues } from '../model/types.ts';

/**
 * A case: what an applicant has and enters for a bundle — the typed values (canonical form), the documents
 * uploaded (with what OCR read from them), the choice of options — pinned to an application date.
 * `forms stats --case` measures the merged form against one; `reference` is the 开办企业 reference case.
 */
const fieldValue = z.union([z.string(), z.array(z.string())]);
const row = z.record(z.string(), fieldValue);

export const caseSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  bundle: z.string().min(1),
  choice: z
    .object({
      options: z.record(z.string(), z.string()).optional(),
      omit: z.array(z.string()).optional(),
      include: z.array(z.string()).optional(),
    })
    .default({}),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 yyyy-MM-dd'),
  typed: z.record(z.string(), z.union([fieldValue, z.array(row)])),
  documents: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.string().min(1),
        person: z.string().optional(),
        fields: z.record(z.string(), z.string()).optional(),
        /** The fields OCR was sure of; the others count as values the applicant confirms. */
        confident: z.array(z.string()).optional(),
      }),
    )
    .default([]),
});

export interface FormCase {
  readonly name: string;
  readonly description?: string;
  readonly bundle: string;
  readonly choice: { options?: Record<string, string>; omit?: string[]; include?: string[] };
  readonly today: string;
  readonly typed: FormValues;
  readonly documents: readonly DocumentReading[];
}

export class CaseError extends Error {
  override readonly name = 'CaseError';
}

/** Checks a parsed JSON value against the case schema; messages name the offending path. */
export function parseCase(data: unknown): FormCase {
  const result = caseSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
    throw new CaseError(`案例文件格式不正确：${issues.join('；')}`);
  }
  return result.data as FormCase;
}
