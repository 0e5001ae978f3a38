import { type Body, str } from '../kit/body.ts';
import type { UploadedFileMeta } from '../kit/submissions.ts';
import type { Draft } from './draft.ts';

/** The saved wizard as the contract's housing-fund fields (docs/item-fields.md), plus the files by HTML name. */
export function normaliseApplication(draft: Draft): {
  fields: Record<string, unknown>;
  files: Record<string, UploadedFileMeta>;
} {
  const unit: Body = draft.steps[1]?.body ?? {};
  const deposit: Body = draft.steps[2]?.body ?? {};
  const materials: Body = draft.steps[3]?.body ?? {};
  const copy = draft.files[str(materials, 'frsfzfyj')];
  const fields: Record<string, unknown> = {
    unitName: str(unit, 'dwmc'),
    creditCode: str(unit, 'tyshxydm').toUpperCase(),
    unitAddress: str(unit, 'dwdz'),
    postcode: str(unit, 'yzbm'),
    region: str(unit, 'xzqh'),
    unitType: str(unit, 'dwlx'),
    unitNature: str(unit, 'dwxz'),
    affiliation: str(unit, 'lsgx'),
    'legalRep.name': str(unit, 'frxm'),
    'legalRep.idNumber': str(unit, 'frsfzh').toUpperCase(),
    'legalRep.idCopy': copy,
    'agent.name': str(unit, 'jbrxm'),
    'agent.idNumber': str(unit, 'jbrzjhm').toUpperCase(),
    'agent.officePhone': str(unit, 'jbrbgdh'),
    'agent.mobile': str(unit, 'jbrsj'),
    employees: str(deposit, 'zgrs'),
    startMonth: str(deposit, 'qjny'),
    monthlyWageBase: str(deposit, 'yjcgzjs'),
    employerRate: str(deposit, 'dwjcbl'),
    employeeRate: str(deposit, 'grjcbl'),
    payday: str(deposit, 'fxr'),
    'collection.bank': str(deposit, 'wtskyh'),
    'collection.accountNo': str(deposit, 'wtskzh'),
  };
  return { fields, files: copy ? { frsfzfyj: copy } : {} };
}
