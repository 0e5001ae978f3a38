/**
 * The single-page portals (fire safety, food licence, outdoor signs, medical insurance): the page's script
 * posts the whole application as JSON to `/api/apply` and shows the answer in place — messages beside the
 * fields, or the way to the receipt. The answer's shape is the kit's; the checks and the filing are the
 * portal's own.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Body, Errors } from './body.ts';
import type { NewSubmission, PortalContext } from './portal.ts';
import type { Submission, UploadedFileMeta } from './submissions.ts';

/** An application checked by the portal: messages by HTML name, and its content in contract terms. */
export interface Checked {
  errors: Errors;
  fields: Record<string, unknown>;
  files: Record<string, UploadedFileMeta>;
}

/** Answers `{ ok: false, errors, message }` when there is anything in `errors`; says whether it did. */
export function refusedInPlace(res: Response, errors: Errors): boolean {
  const count = Object.keys(errors).length;
  if (count === 0) return false;
  res.json({ ok: false, errors, message: `有 ${count} 项信息未通过校验，请按提示修改` });
  return true;
}

/** Answers `{ ok: true, reference, receiptUrl }` for a submission just recorded. */
export function answerFiled(res: Response, submission: Submission): void {
  res.json({
    ok: true,
    reference: submission.reference,
    receiptUrl: `/receipt/${encodeURIComponent(submission.reference)}`,
  });
}

/** What a portal that accepts an application at once says of it; the rest of the record is the kit's. */
export type Acceptance = Pick<NewSubmission, 'reference' | 'company' | 'statusText' | 'receipt'>;

/** How a portal that accepts at once reads, checks and accepts an application. */
export interface AcceptOptions {
  read?: (req: Request) => Body;
  check: (req: Request, body: Body) => Checked;
  accept: (checked: Checked, body: Body, now: Date) => Acceptance;
}

/**
 * `POST /api/apply` of a portal that accepts at once (告知承诺, 准予许可): `check` reads the body by HTML names;
 * with nothing wrong, the submission is recorded as done with what `accept` says (its reference, company,
 * status text and receipt) and the request, files and fields as checked. `read` takes the body from the
 * request (default: the parsed body as it came).
 */
export function acceptApplication(ctx: PortalContext, options: AcceptOptions): RequestHandler {
  return (req, res) => {
    const body = options.read ? options.read(req) : { ...(req.body as Body) };
    const checked = options.check(req, body);
    if (refusedInPlace(res, checked.errors)) return;
    const now = ctx.now();
    const submission = ctx.recordSubmission({
      ...options.accept(checked, body, now),
      account: ctx.accountOf(req),
      creditCode: String(checked.fields.creditCode),
      status: 'done',
      requests: [{ path: req.path, receivedAt: now.toISOString(), body }],
      files: checked.files,
      fields: checked.fields,
    });
    answerFiled(res, submission);
  };
}
