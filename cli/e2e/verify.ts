import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { AttachedDocument } from '../../bots/item-runner.ts';
import type { PlanSource } from '../../queue/plan-source.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import type { Db } from '../../store/db.ts';
import type { SandboxClient } from './sandbox-client.ts';

export interface ItemCheck {
  itemId: string;
  portalId: string;
  status: string;
  receipt: Record<string, string> | null;
  /** Submissions the portal holds for the company: exactly one is right. */
  submissions: number;
  fieldsCompared: number;
  mismatches: { field: string; intended: unknown; received: unknown }[];
}

/** An upload in a projection's values: `{ document }`, the key of an attached document. */
export const isUpload = (value: unknown): value is { document: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'document' in value;
const isDirective = (value: unknown) => typeof value === 'string' && /^(auto|ask):/.test(value);

/** What a portal's control API reports of an uploaded file: its name, SHA-256, size and type. */
export function fileMeta(document: AttachedDocument) {
  const bytes = readFileSync(document.path);
  return {
    fileName: document.fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    mimeType: document.mimeType,
  };
}

/** Compares one intended value with what arrived; a directive only needs a value to have been chosen. */
function compare(
  field: string,
  intended: unknown,
  received: unknown,
  documents: Record<string, AttachedDocument>,
  out: ItemCheck['mismatches'],
): number {
  if (Array.isArray(intended) && intended.some((row) => typeof row === 'object' && row !== null)) {
    const rows = Array.isArray(received) ? received : [];
    if (rows.length !== intended.length)
      out.push({ field, intended: intended.length, received: rows.length });
    let count = 0;
    intended.forEach((row, index) => {
      for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
        count += compare(
          `${field}[${index}].${key}`,
          value,
          (rows[index] as Record<string, unknown> | undefined)?.[key],
          documents,
          out,
        );
      }
    });
    return count;
  }
  const expected = isUpload(intended)
    ? documents[intended.document] && fileMeta(documents[intended.document] as AttachedDocument)
    : intended;
  const ok = isDirective(intended)
    ? received !== undefined && received !== ''
    : isDeepStrictEqual(expected, received);
  if (!ok) out.push({ field, intended: expected, received });
  return 1;
}

/**
 * What the departments received for an application, item by item, against what yijian meant to send: the
 * projection of the merged values with the outputs of earlier items. Reads the portals' control APIs.
 */
export async function verifyApplication(options: {
  db: Db;
  source: PlanSource;
  sandbox: SandboxClient;
  applicationId: string;
  companyName: string;
}): Promise<ItemCheck[]> {
  const { db, source, sandbox, applicationId } = options;
  const plan = await source.plan(applicationId);
  const rows = await applicationItems.list(db, applicationId);
  const outputs = new Map(rows.map((row) => [row.itemId, row.outputs]));
  const checks: ItemCheck[] = [];
  for (const item of plan) {
    const row = rows.find((r) => r.itemId === item.itemId);
    const input = await source.itemInput(
      applicationId,
      item.itemId,
      new Map(item.needs.map((n) => [n, outputs.get(n) ?? {}])),
    );
    const submissions = (await sandbox.submissions(item.portalId, options.companyName)).filter(
      (s) => s.company === options.companyName || s.company === '',
    );
    const mismatches: ItemCheck['mismatches'] = [];
    let compared = 0;
    const received = submissions[0]?.fields ?? {};
    for (const [field, intended] of Object.entries(input.values)) {
      compared += compare(field, intended, received[field], input.documents, mismatches);
    }
    checks.push({
      itemId: item.itemId,
      portalId: item.portalId,
      status: row?.status ?? 'missing',
      receipt: row?.receipt ?? null,
      submissions: submissions.length,
      fieldsCompared: compared,
      mismatches,
    });
  }
  return checks;
}
