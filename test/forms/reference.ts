import type { FormCase } from '../../forms/cases/case.ts';
import { loadCase } from '../../forms/cases/load.ts';
import { resolveForm } from '../../forms/derive/resolve.ts';
import { mergeBundle } from '../../forms/merge/merge.ts';

/** What the first waves produce for the reference case, as the portals would report it. */
export const REFERENCE_OUTPUTS = {
  'business-registration': {
    acceptanceNo: 'SL2025031000017',
    creditCode: '91350603MA0044EF1P',
    establishedDate: '2025-03-10',
    registrationAuthority: '漳州市龙文区市场监督管理局',
  },
  'bank-account': {
    appointmentNo: 'YY20250311001',
    accountNo: '1410020309200123456',
    bankName: '中国工商银行漳州龙文支行',
  },
} as const;

export async function referenceCase(): Promise<FormCase> {
  return loadCase('reference');
}

/** The reference application merged and resolved, with or without the outputs of the first waves. */
export async function resolvedReference(options: { outputs?: boolean } = {}) {
  const formCase = await referenceCase();
  const form = mergeBundle(formCase.bundle, formCase.choice);
  const resolved = resolveForm(form, {
    typed: formCase.typed,
    documents: formCase.documents,
    today: formCase.today,
    ...(options.outputs ? { outputs: REFERENCE_OUTPUTS } : {}),
  });
  return { formCase, form, resolved };
}
