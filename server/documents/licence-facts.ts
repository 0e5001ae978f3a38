import { z } from 'zod';
import {
  bundleDef,
  businessAddressInFull,
  domicileInFull,
  type FormValues,
  itemDef,
  mergedFormOf,
  personForRole,
  rowScalar,
  scalar,
} from '../../forms/index.ts';
import type { ApplicationItemRow } from '../../store/application-items.repo.ts';
import type { Application } from '../../store/applications.repo.ts';

/**
 * What a 行业综合许可证 states, and nothing more: the company, and per permit its number, department and
 * validity, all taken from the items' receipts and outputs in the store. The verification page shows exactly
 * these facts, as stored when the licence was issued (never an ID number or a phone).
 */
export const licenceFactsSchema = z.object({
  title: z.string(),
  industry: z.string(),
  company: z.object({
    name: z.string(),
    creditCode: z.string(),
    legalRep: z.string(),
    address: z.string(),
    premises: z.string().optional(),
  }),
  permits: z.array(
    z.object({ name: z.string(), number: z.string(), department: z.string(), validity: z.string() }),
  ),
  issuer: z.string(),
  issuedOn: z.string(),
});
export type LicenceFacts = z.infer<typeof licenceFactsSchema>;

/** The permit items an application's bundle and choice include (none when the bundle issues no 一证). */
export function permitItems(application: Pick<Application, 'bundleId' | 'options'>): string[] {
  if (!bundleDef(application.bundleId).licence) return [];
  return mergedFormOf(application.bundleId, application.options).items.filter((id) => itemDef(id).permit);
}

/** Why the licence cannot be issued yet, in words; undefined once every permit is granted. */
export function notYetIssuable(
  application: Pick<Application, 'bundleId' | 'options'>,
  rows: readonly ApplicationItemRow[],
): string | undefined {
  const permits = permitItems(application);
  if (permits.length === 0) return '该事项包不签发行业综合许可证';
  const pending = permits.filter((id) => rows.find((row) => row.itemId === id)?.status !== 'done');
  if (pending.length === 0) return undefined;
  return `以下许可尚未办结：${pending.map((id) => itemDef(id).name).join('、')}。全部办结后即可签发行业综合许可证。`;
}

/** 2031-12-06 → 至 2031-12-06; other wording (长期) as the department gave it. */
const validityWords = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `至 ${value}` : value);

/** The facts of the licence, from the resolved values (company) and the permit items' outputs. */
export function licenceFacts(input: {
  application: Pick<Application, 'bundleId' | 'options'>;
  values: FormValues;
  rows: readonly ApplicationItemRow[];
  issuer: string;
  issuedOn: string;
}): LicenceFacts {
  const bundle = bundleDef(input.application.bundleId);
  const licence = bundle.licence;
  if (!licence) throw new Error(`bundle ${bundle.id} issues no licence`);
  const address = domicileInFull(input.values) ?? '';
  const premises = businessAddressInFull(input.values);
  const permits = permitItems(input.application).map((id) => {
    const item = itemDef(id);
    const permit = item.permit;
    const outputs = { ...input.rows.find((row) => row.itemId === id)?.outputs };
    const read = (key: string | undefined) =>
      key && typeof outputs[key] === 'string' ? String(outputs[key]) : '';
    return {
      name: permit?.name ?? item.name,
      number: read(permit?.number),
      department: item.department,
      validity: validityWords(read(permit?.validity)),
    };
  });
  return {
    title: licence.title,
    industry: licence.industry,
    company: {
      name: scalar(input.values, 'company.name') ?? '',
      creditCode: scalar(input.values, 'company.creditCode') ?? '',
      legalRep: rowScalar(personForRole(input.values, '法定代表人'), 'name') ?? '',
      address,
      ...(premises && premises !== address ? { premises } : {}),
    },
    permits,
    issuer: input.issuer,
    issuedOn: input.issuedOn,
  };
}
