import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttachedDocument, ItemRunRequest } from '../bots/item-runner.ts';
import type { PortalDeclaration } from '../bots/runtime/types.ts';
import { generateCreditCode } from '../forms/codes/index.ts';
import { resolveForm } from '../forms/derive/resolve.ts';
import { bundleDef, type FormValues, loadCase, mergeBundle, selectItems } from '../forms/index.ts';
import { projectItem } from '../forms/project/project.ts';
import type { RegisteredCompany } from '../sandbox/kit/registry.ts';
import { documentPicture } from './document-picture.ts';

/**
 * The canary of a drift check: an application as an applicant would have it, walked through a portal's
 * pages up to the last one. The first case that includes a portal's item is its canary: the reference
 * 开办企业 case, then the restaurant (for the food licence). The later items (tax, social insurance …) need
 * a company the registrar approved: one is made for the occasion and published where the departments
 * look companies up (the sandbox's inter-agency registry).
 */
const CANARY_CASES = ['reference', fileURLToPath(new URL('./canaries/restaurant.json', import.meta.url))];

export type CanaryCompany = RegisteredCompany;

export function newCanaryCompany(): CanaryCompany {
  return {
    name: '漳州巡检科技有限公司',
    creditCode: generateCreditCode({ region: '350603', serial: Math.floor(Math.random() * 900_000) }),
    establishedDate: new Date().toISOString().slice(0, 10),
    legalRepName: '林志远',
    legalRepIdNumber: '350603198506120316',
    regionCode: '350603',
    address: '福建省漳州市龙文区朝阳北路1号3幢501室',
    registrationAuthority: '漳州市龙文区市场监督管理局',
    registeredAt: new Date(Date.now() - 3_600_000).toISOString(),
  };
}

export interface Canary {
  items: ReadonlySet<string>;
  values: FormValues;
  documents: Record<string, AttachedDocument>;
}

/** The case's document as a picture in `dir`, for the canary's upload. */
function drawDocument(dir: string, id: string, kind: string): AttachedDocument {
  const path = join(dir, `${id}.jpg`);
  writeFileSync(path, documentPicture(kind));
  return { path, fileName: `${id}.jpg`, mimeType: 'image/jpeg' };
}

/** A case resolved as the applicant would have it, with the earlier items' outputs for the canary company. */
async function canaryOf(file: string, company: CanaryCompany, dir: string): Promise<Canary> {
  const formCase = await loadCase(file);
  const typed =
    'company.name' in formCase.typed ? { ...formCase.typed, 'company.name': company.name } : formCase.typed;
  const { values } = resolveForm(mergeBundle(formCase.bundle, formCase.choice), {
    typed,
    documents: formCase.documents,
    today: formCase.today,
    outputs: {
      'business-registration': {
        acceptanceNo: 'SL-CANARY',
        creditCode: company.creditCode,
        establishedDate: company.establishedDate,
      },
      'bank-account': {
        appointmentNo: 'YY-CANARY',
        accountNo: '1410020309200123456',
        bankName: '中国工商银行漳州龙文支行',
      },
    },
  });
  return {
    items: new Set(selectItems(bundleDef(formCase.bundle), formCase.choice)),
    values,
    documents: Object.fromEntries(formCase.documents.map((d) => [d.id, drawDocument(dir, d.id, d.kind)])),
  };
}

/** Every canary case, resolved for `company`; their documents are drawn into `dir`. */
export function loadCanaries(company: CanaryCompany, dir: string): Promise<Canary[]> {
  return Promise.all(CANARY_CASES.map((file) => canaryOf(file, company, dir)));
}

/**
 * What the walk of `declaration` types, from the first canary that includes its item; a reason in Chinese
 * when there is none.
 */
export function canaryRequest(
  declaration: PortalDeclaration,
  canaries: readonly Canary[],
  baseUrl: string,
  credentials: { username: string; password: string } | undefined,
): ItemRunRequest | { skipped: string } {
  const canary = canaries.find((c) => c.items.has(declaration.itemId));
  const projection = canary ? projectItem(declaration.itemId, canary.values) : undefined;
  if (!canary || !projection || projection.missing.length > 0)
    return { skipped: `没有含事项“${declaration.itemId}”的巡检案例，未检查` };
  return {
    applicationId: 'canary',
    applicationRef: 'YJ-CANARY',
    itemId: declaration.itemId,
    portalId: declaration.portalId,
    baseUrl,
    values: projection.values,
    documents: canary.documents,
    ...(credentials ? { credentials } : {}),
    reconcile: false,
  };
}
