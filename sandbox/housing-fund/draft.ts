import type { Request } from 'express';
import type { Body, Errors } from '../kit/body.ts';
import type { SafeHtml } from '../kit/html/escape.ts';
import type { PortalContext } from '../kit/portal.ts';
import type { WizardDraft } from '../kit/wizard.ts';

/** The unit as the exchange knows it, fixed once step 1 is saved. */
export interface DraftUnit {
  creditCode: string;
  name: string;
  establishedDate: string;
}

/**
 * The 开户 application being filled, kept server-side in the session; steps are saved strictly in order.
 * `warned`: step 2's warning (单位与个人缴存比例不一致) was answered with 继续.
 */
export interface Draft extends WizardDraft {
  unit?: DraftUnit;
  /** When the 承诺书 was first shown (ms); it may be accepted only after the countdown. */
  noticeShownAt?: number;
}

export interface StepView {
  ctx: PortalContext;
  req: Request;
  draft: Draft;
  values: Body;
  errors: Errors;
}

/** One page of the 开户 wizard: its form body, its server-side checks, and what its first save warns about. */
export interface WizardStep {
  no: number;
  title: string;
  render(view: StepView): SafeHtml;
  /** HTML names of upload fields (their ids are resolved to files before validation). */
  uploadFields?: readonly string[];
  validate(body: Body, draft: Draft, ctx: PortalContext): Errors;
  warnings?(body: Body): string[];
}
