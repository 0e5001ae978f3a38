/**
 * The plumbing of a multi-page wizard that the portal saves server-side, step by step and strictly in order:
 * /<base>/new starts a draft in the session; GET /<base>/:no shows a step; POST /<base>/:no resolves the
 * step's uploads, validates, asks once for confirmation when the step warns, and saves. Saving the last step
 * files the application and ends the draft. The pages, the checks and the wording stay in the portal.
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { type Body, type Errors, str } from './body.ts';
import type { SafeHtml } from './html/escape.ts';
import type { PortalContext } from './portal.ts';
import { setFlash, takeFlash } from './sessions.ts';
import type { RawRequest, UploadedFileMeta } from './submissions.ts';

/** The application being filled, kept server-side in the session. */
export interface WizardDraft {
  id: string;
  /** The accepted body of each saved step, with when it arrived. */
  steps: Partial<Record<number, { body: Body; receivedAt: string; path: string }>>;
  /** Highest step saved so far (0 = none). */
  completed: number;
  /** The first-save warning has been answered with 继续. */
  warned: boolean;
  /** Uploaded files referenced by the draft, by upload id. */
  files: Record<string, UploadedFileMeta>;
}

export interface WizardStepBase<D extends WizardDraft> {
  no: number;
  title: string;
  /** Errors by HTML name; empty when the step may be saved. */
  validate(body: Body, draft: D, ctx: PortalContext): Errors;
}

/** What a step's form body is drawn from. */
export interface WizardStepView<D extends WizardDraft> {
  ctx: PortalContext;
  req: Request;
  draft: D;
  /** The values to show: what was just posted (after an error) or what was saved. */
  values: Body;
  errors: Errors;
}

/** A step that draws its own form body; the page around it is the portal's `render`. */
export interface WizardPage<D extends WizardDraft> extends WizardStepBase<D> {
  render(view: WizardStepView<D>): SafeHtml;
}

/** The requests that saved the draft's steps, in step order: what the filing received. */
export function savedRequests(draft: WizardDraft): RawRequest[] {
  return Object.keys(draft.steps)
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((no) => {
      const step = draft.steps[no];
      return step ? [{ path: step.path, receivedAt: step.receivedAt, body: step.body }] : [];
    });
}

/** What a step page shows: the posted values after an error, the saved ones otherwise. */
export interface WizardView {
  values: Body;
  errors: Errors;
  /** Non-empty: ask whether to save anyway (the confirm button posts `confirmField=1`). */
  warnings?: string[];
  flash?: string;
}

export interface WizardOptions<D extends WizardDraft, S extends WizardStepBase<D>> {
  /** URL prefix of the steps, e.g. `/apply`. */
  base: string;
  steps: readonly S[];
  /** Where the draft lives in the session data. */
  sessionKey: string;
  /** The flash shown when a step is opened before `next` is saved. */
  outOfOrderText(next: S | undefined): string;
  /** HTML names of the step's upload fields in this body; their ids are resolved to files before validation. */
  uploadFields(step: S, body: Body): readonly string[];
  /** What the step's first save warns about (asked once per draft); empty for none. */
  warnings(step: S, body: Body): string[];
  /** The name of the confirm button that answers the warning. */
  confirmField: string;
  /** Called before a step is shown. */
  onShow?(step: S, draft: D): void;
  render(req: Request, step: S, draft: D, view: WizardView): string;
  submit(req: Request, res: Response, draft: D): void;
}

export function wizardRouter<D extends WizardDraft, S extends WizardStepBase<D>>(
  ctx: PortalContext,
  options: WizardOptions<D, S>,
): Router {
  const { base, steps, sessionKey } = options;
  const router = express.Router();
  const draftOf = (req: Request) => req.portalSession?.data[sessionKey] as D | undefined;
  const newDraft = (req: Request): D => {
    const draft = { id: randomBytes(8).toString('hex'), steps: {}, completed: 0, warned: false, files: {} };
    if (req.portalSession) req.portalSession.data[sessionKey] = draft;
    // The portal's own draft fields are all optional: a fresh draft has none of them yet.
    return draft as D;
  };
  const stepOf = (req: Request) => steps.find((s) => String(s.no) === req.params.no);
  const outOfOrder = (req: Request, res: Response, draft: D, step: S) => {
    if (step.no <= draft.completed + 1) return false;
    setFlash(req, options.outOfOrderText(steps[draft.completed]));
    res.redirect(303, `${base}/${draft.completed + 1}`);
    return true;
  };

  router.get(`${base}/new`, ctx.requireLogin, (req, res) => {
    newDraft(req);
    res.redirect(303, `${base}/1`);
  });
  router.get(`${base}/:no`, ctx.requireLogin, (req, res) => {
    const step = stepOf(req);
    if (!step) return void res.redirect(303, `${base}/1`);
    const draft = draftOf(req) ?? newDraft(req);
    if (outOfOrder(req, res, draft, step)) return;
    options.onShow?.(step, draft);
    const flash = takeFlash(req);
    const values = draft.steps[step.no]?.body ?? {};
    res.send(options.render(req, step, draft, { values, errors: {}, ...(flash ? { flash } : {}) }));
  });
  router.post(`${base}/:no`, ctx.requireLogin, (req, res) => {
    const step = stepOf(req);
    const draft = draftOf(req);
    if (!step || !draft) return void res.redirect(303, `${base}/new`);
    if (outOfOrder(req, res, draft, step)) return;
    const body = { ...(req.body as Body) };
    for (const name of options.uploadFields(step, body)) {
      const id = str(body, name);
      const file = id && !draft.files[id] ? ctx.takeUpload(req, id) : undefined;
      if (file) draft.files[id] = file;
    }
    const errors = step.validate(body, draft, ctx);
    if (Object.keys(errors).length > 0)
      return void res.send(options.render(req, step, draft, { values: body, errors }));
    const warnings = draft.warned ? [] : options.warnings(step, body);
    if (warnings.length > 0) {
      if (str(body, options.confirmField) !== '1') {
        return void res.send(options.render(req, step, draft, { values: body, errors: {}, warnings }));
      }
      draft.warned = true;
    }
    draft.steps[step.no] = { body, receivedAt: ctx.now().toISOString(), path: req.path };
    // Saving an earlier step again means the later ones must be saved again, in order.
    draft.completed = step.no;
    if (step.no < steps.length) return void res.redirect(303, `${base}/${step.no + 1}`);
    options.submit(req, res, draft);
    if (req.portalSession) delete req.portalSession.data[sessionKey];
  });
  return router;
}
