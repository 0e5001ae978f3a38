import { loadCase } from '../../../forms/cases/load.ts';
import { resolveForm } from '../../../forms/derive/resolve.ts';
import { mergeBundle } from '../../../forms/merge/merge.ts';
import { projectItem } from '../../../forms/project/project.ts';

/**
 * The reference 开办企业 application projected onto one item by forms/ — exactly what the queue hands the bots —
 * with the outputs of earlier items as the sandbox produced them. `rename` gives a test its own company, so
 * tests sharing one sandbox do not see each other's submissions in 办件查询.
 */
export async function referenceValues(
  itemId: string,
  options: { outputs?: Record<string, Record<string, string>>; companyName?: string } = {},
): Promise<Record<string, unknown>> {
  const formCase = await loadCase('reference');
  const typed = options.companyName
    ? { ...formCase.typed, 'company.name': options.companyName }
    : formCase.typed;
  const form = mergeBundle(formCase.bundle, formCase.choice);
  const resolved = resolveForm(form, {
    typed,
    documents: formCase.documents,
    today: formCase.today,
    ...(options.outputs ? { outputs: options.outputs } : {}),
  });
  const projection = projectItem(itemId, resolved.values);
  if (projection.missing.length > 0) {
    throw new Error(`reference ${itemId} misses ${projection.missing.map((m) => m.field).join(', ')}`);
  }
  return projection.values as Record<string, unknown>;
}

/** Document ids the reference case uploads. */
export const REFERENCE_DOCUMENTS = [
  'p1-id-front',
  'p2-id-front',
  'p3-id-front',
  'p1-id-back',
  'p2-id-back',
  'p3-id-back',
  'lease-contract',
] as const;
