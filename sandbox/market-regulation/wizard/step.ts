import type { Body } from '../../kit/body.ts';
import type { WizardPage, WizardStepView } from '../../kit/wizard.ts';
import type { Draft } from './draft.ts';

export type StepView = WizardStepView<Draft>;

/** One page of the registration wizard: its form body and its server-side checks (which may read earlier steps). */
export interface WizardStep extends WizardPage<Draft> {
  /** HTML names of the upload fields in this body (their ids are resolved to files before validation). */
  uploadFields?(body: Body): string[];
}
