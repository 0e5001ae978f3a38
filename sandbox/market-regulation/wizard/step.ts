import type { Request } from 'express';
import type { Body } from '../../kit/body.ts';
import type { SafeHtml } from '../../kit/html/escape.ts';
import type { PortalContext } from '../../kit/portal.ts';
import type { Errors } from './checks.ts';
import type { Draft } from './draft.ts';

export interface StepView {
  ctx: PortalContext;
  req: Request;
  draft: Draft;
  /** The values to show: what was just posted (after an error) or what was saved. */
  values: Body;
  errors: Errors;
}

/** One page of the registration wizard: its form body and its server-side checks. */
export interface WizardStep {
  no: number;
  title: string;
  render(view: StepView): SafeHtml;
  /** HTML names of the upload fields in this body (their ids are resolved to files before validation). */
  uploadFields?(body: Body): string[];
  /** Errors by HTML name; empty when the step may be saved. May read earlier steps from the draft. */
  validate(body: Body, draft: Draft, ctx: PortalContext): Errors;
}
