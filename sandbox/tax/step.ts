import type { Body, Errors } from '../kit/body.ts';
import type { SafeHtml } from '../kit/html/escape.ts';
import type { RegisteredCompany } from '../kit/registry.ts';

export interface StepView {
  values: Body;
  errors: Errors;
  company: RegisteredCompany;
}

/** One page of the 新办纳税人 flow: its form, its checks and its share of the contract fields. */
export interface TaxStep {
  no: number;
  title: string;
  render(view: StepView): SafeHtml;
  /** Errors by HTML name; empty when the step may be saved. */
  validate(body: Body): Errors;
  /** The step's fields by contract id (docs/item-fields.md, tax-registration). */
  normalise(body: Body): Record<string, unknown>;
}
