import type { ItemRunRequest } from '../../../bots/item-runner.ts';
import { resolveForm } from '../../../forms/derive/resolve.ts';
import { mergeBundle } from '../../../forms/merge/merge.ts';
import { projectItem } from '../../../forms/project/project.ts';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import { LIN_ZHIYUAN_ID_CARD, restaurantLicence } from '../../support/restaurant-documents.ts';
import { accountOf } from './later-items.ts';
import type { Sandbox } from './sandbox.ts';

/** Document ids the restaurant case uploads (JPEG pictures drawn by the sandbox helper). */
export const RESTAURANT_DOCUMENTS = [
  'cert-1',
  'cert-2',
  'health',
  'layout',
  'flow',
  'rules',
  'rendering',
  'fire-plan',
] as const;

/**
 * A 开餐饮店 application (an existing licence read from its photo, two 食品安全管理员) projected onto one item
 * by forms/, exactly as the queue hands it to the bots.
 */
export function restaurantValues(itemId: string, companyName: string): Record<string, unknown> {
  const form = mergeBundle('open-restaurant');
  const { values } = resolveForm(form, {
    today: new Date().toISOString().slice(0, 10),
    typed: {
      'company.employees': '6',
      'company.businessAddress.sameAsDomicile': '1',
      scope: [{ code: 'H62001' }],
      persons: [
        { id: 'p1', mobile: '13805961234', roles: ['法定代表人', '联络员', '食品安全管理员'] },
        { id: 'p2', mobile: '13906952468', roles: ['食品安全管理员'] },
      ],
      'food.items': ['热食类食品制售', '自制饮品制售'],
      'food.area': '80.5',
      'food.seats': '24',
      'signboard.length': '6.5',
      'signboard.width': '1.2',
      'fire.floors': '第1层',
      'declarations.accepted': '1',
    },
    documents: [
      restaurantLicence(companyName),
      LIN_ZHIYUAN_ID_CARD,
      {
        id: 'id-2',
        kind: 'idCardFront',
        person: 'p2',
        fields: {
          name: '陈雅琴',
          idNumber: '350602199003150327',
          ethnicity: '汉',
          address: '福建省漳州市芗城区胜利西路10号',
        },
      },
      { id: 'cert-1', kind: 'foodSafetyCertificate', person: 'p1' },
      { id: 'cert-2', kind: 'foodSafetyCertificate', person: 'p2' },
      { id: 'health', kind: 'healthCertificates' },
      { id: 'layout', kind: 'layoutPlan' },
      { id: 'flow', kind: 'processFlow' },
      { id: 'rules', kind: 'safetyRules' },
      { id: 'rendering', kind: 'signboardRendering' },
      { id: 'fire-plan', kind: 'fireFloorPlan' },
    ],
  });
  const projection = projectItem(itemId, values);
  if (projection.missing.length > 0) {
    throw new Error(`restaurant ${itemId} misses ${projection.missing.map((m) => m.field).join(', ')}`);
  }
  return projection.values as Record<string, unknown>;
}

/** A run request for one item of the restaurant case on its sandbox portal, as the queue would build it. */
export function restaurantRequest(
  sandbox: Sandbox,
  item: { itemId: string; portalId: PortalId },
  companyName: string,
  application: { applicationId: string; applicationRef: string },
): ItemRunRequest {
  return {
    ...application,
    ...item,
    baseUrl: sandbox.url(item.portalId),
    values: restaurantValues(item.itemId, companyName),
    documents: sandbox.documents(RESTAURANT_DOCUMENTS),
    credentials: accountOf(item.portalId) ?? { username: '', password: '' },
    reconcile: false,
  };
}
