import type { Body } from '../kit/body.ts';
import type { WizardDraft, WizardPage, WizardStepView } from '../kit/wizard.ts';

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

export type StepView = WizardStepView<Draft>;

/** One page of the 开户 wizard: its form body, its server-side checks, and what its first save warns about. */
export interface WizardStep extends WizardPage<Draft> {
  /** HTML names of upload fields (their ids are resolved to files before validation). */
  uploadFields?: readonly string[];
  warnings?(body: Body): string[];
}
