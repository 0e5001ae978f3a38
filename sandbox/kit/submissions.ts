import type { SandboxItemId } from './form-manifest.ts';

/** What the control API reports for an uploaded file (docs/item-fields.md, "upload"). */
export interface UploadedFileMeta {
  fileName: string;
  sha256: string;
  size: number;
  mimeType: string;
}

/** A form value as an HTML form sends it: one string, or several for repeated names. */
export type RawValue = string | string[];

/** One POST the portal received while the submission was being filled (wizards post once per step). */
export interface RawRequest {
  path: string;
  receivedAt: string;
  /** The body by the portal's own HTML names, exactly as parsed from the request. */
  body: Record<string, RawValue>;
}

/**
 * One submission as the department keeps it. `raw` and `files` are what arrived, under the portal's own
 * HTML names; `fields` is the same content keyed by the contract ids of docs/item-fields.md (scalars under
 * their dotted id, `fields['domicile.region']`; repeating groups as arrays of rows, `fields.members[0].name`;
 * uploads as UploadedFileMeta). The portal never merges two submissions: filing twice gives two records.
 */
export interface Submission {
  /** The portal's own reference (受理编号, 预约号, …), unique within the portal. */
  reference: string;
  portal: string;
  item: SandboxItemId;
  /** The portal account that submitted it. */
  account: string;
  /** Company or unit name as submitted, for 办件查询 by company. */
  company: string;
  creditCode?: string;
  /** A stable machine status (`accepted`, `approved`, `rejected`, …) and its text on the page. */
  status: string;
  statusText: string;
  receivedAt: string;
  updatedAt: string;
  raw: Record<string, RawValue>;
  requests: RawRequest[];
  files: Record<string, UploadedFileMeta>;
  fields: Record<string, unknown>;
  /** Outputs by contract id (`acceptanceNo`, `creditCode`, `accountNo`, …), as shown on the receipt. */
  receipt: Record<string, unknown>;
  /** When the portal will next move this submission on (review finished); read by the kit's ticker. */
  dueAt?: string;
}

export interface SubmissionFilter {
  account?: string;
  reference?: string;
  /** Substring of the company name, or an exact credit code. */
  company?: string;
}

export function matchesFilter(submission: Submission, filter: SubmissionFilter): boolean {
  if (filter.account !== undefined && submission.account !== filter.account) return false;
  if (filter.reference && submission.reference !== filter.reference.trim()) return false;
  if (filter.company) {
    const wanted = filter.company.trim();
    const byName = submission.company.includes(wanted);
    const byCode = submission.creditCode === wanted.toUpperCase();
    if (!byName && !byCode) return false;
  }
  return true;
}

/** Merges the bodies of several requests (later steps win), which is the submission's `raw`. */
export function mergeRequests(requests: readonly RawRequest[]): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  for (const request of requests) Object.assign(out, request.body);
  return out;
}
