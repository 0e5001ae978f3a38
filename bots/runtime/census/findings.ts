/**
 * What a drift check says about a portal: findings per step, each with a severity an admin can act on.
 *
 * - will-fail: a filing will fail at this point (a field the bot cannot find, a required field it does not
 *   fill, the canary's own option gone, a widget it cannot work, a page it does not expect).
 * - may-fail: a filing with other values may fail (an option some application could need is gone).
 * - cosmetic: the page changed in a way no filing notices (a new option, a new optional field).
 */
export type Severity = 'will-fail' | 'may-fail' | 'cosmetic';

export const SEVERITY_ZH: Readonly<Record<Severity, string>> = {
  'will-fail': '必定失败',
  'may-fail': '可能失败',
  cosmetic: '不影响办件',
};

export type FindingKind =
  | 'binding-lost'
  | 'binding-ambiguous'
  | 'required-unbound'
  | 'optional-unbound'
  | 'option-gone'
  | 'option-new'
  | 'kind-changed'
  | 'step-missing'
  | 'step-added'
  | 'step-blocked'
  | 'login-failed';

export interface DriftFinding {
  severity: Severity;
  kind: FindingKind;
  /** The step's name (填写基本信息), or 登录. */
  step: string;
  /** The binding's field id, when the finding is about one. */
  field?: string;
  /** For the admin, in Chinese. */
  message: string;
}

export interface PortalCheck {
  portalId: string;
  version: string;
  checkedAt: string;
  /** Steps whose page was reached and counted. */
  stepsChecked: string[];
  findings: DriftFinding[];
}

const ORDER: readonly Severity[] = ['will-fail', 'may-fail', 'cosmetic'];

/** The worst severity among the findings, or undefined when there are none. */
export const worstSeverity = (findings: readonly DriftFinding[]): Severity | undefined =>
  ORDER.find((severity) => findings.some((f) => f.severity === severity));
