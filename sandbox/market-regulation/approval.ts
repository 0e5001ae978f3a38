import { generateCreditCode, regionPath } from '../../forms/codes/index.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';
import type { Submission } from '../kit/submissions.ts';

/** 登记机关 of a district: the district's market regulator (漳州市龙文区市场监督管理局). */
export function registrationAuthorityOf(regionCode: string): string {
  const names = regionPath(regionCode).map((region) => region.name);
  // The province is not part of a district regulator's name.
  return `${names.slice(1).join('')}市场监督管理局`;
}

/** The next serial for credit codes; starts at a random point so two sandboxes do not issue the same codes. */
function nextSerial(ctx: PortalContext): number {
  const base = ctx.store.keptRandom('creditSerialBase', 31 ** 5, 31 ** 6 - 1_000_000);
  return base + ctx.store.nextSequence('creditSerial');
}

/**
 * The registrar's review is over: the application is approved with a valid 统一社会信用代码 (GB 32100, region
 * digits of the registrar), 成立日期 and 登记机关, and the company is published to the other departments.
 */
export function approveRegistration(submission: Submission, ctx: PortalContext): void {
  const fields = submission.fields;
  const region = String(fields['domicile.region'] ?? '');
  const creditCode = generateCreditCode({ region, serial: nextSerial(ctx) });
  const now = ctx.now();
  const establishedDate = chinaDate(now);
  const registrationAuthority = registrationAuthorityOf(region);
  const updated = ctx.store.update(submission.reference, (s) => {
    s.status = 'approved';
    s.statusText = '已核准';
    s.creditCode = creditCode;
    s.receipt = { ...s.receipt, creditCode, establishedDate, registrationAuthority };
    delete s.dueAt;
  });
  if (updated) publish(updated, ctx, now.toISOString());
}

/** Tells the inter-agency registry about an approved registration. */
export function publish(submission: Submission, ctx: PortalContext, registeredAt: string): void {
  const fields = submission.fields;
  const members = (fields.members ?? []) as { name: string; idNumber: string; roles: string[] }[];
  const legalRep = members.find((member) => member.roles.includes('法定代表人'));
  const region = String(fields['domicile.region'] ?? '');
  const fullRegion = regionPath(region)
    .map((r) => r.name)
    .join('');
  ctx.shared.registry.register({
    creditCode: String(submission.receipt.creditCode),
    name: submission.company,
    legalRepName: legalRep?.name ?? '',
    legalRepIdNumber: legalRep?.idNumber ?? '',
    regionCode: region,
    address: `${fullRegion}${String(fields['domicile.detail'] ?? '')}`,
    establishedDate: String(submission.receipt.establishedDate),
    registrationAuthority: String(submission.receipt.registrationAuthority),
    registeredAt,
  });
}
