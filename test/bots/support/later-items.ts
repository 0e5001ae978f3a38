import type { ItemRunRequest } from '../../../bots/item-runner.ts';
import { generateCreditCode } from '../../../forms/codes/index.ts';
import { PORTAL_DEFINITIONS } from '../../../sandbox/catalog.ts';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import { REFERENCE_DOCUMENTS, referenceValues } from './reference.ts';
import type { Sandbox } from './sandbox.ts';

let serial = Math.floor(Math.random() * 500_000);

/**
 * A company as market regulation would have approved it: registered in the sandbox's inter-agency registry
 * (what the other departments look up), with the outputs the later items are projected with.
 */
export function registerCompany(
  sandbox: Sandbox,
  companyName: string,
  options: { registeredAt?: Date } = {},
) {
  serial += 1;
  const creditCode = generateCreditCode({ region: '350603', serial });
  const establishedDate = new Date().toISOString().slice(0, 10);
  sandbox.portals.shared.registry.register({
    creditCode,
    name: companyName,
    legalRepName: '林志远',
    legalRepIdNumber: '350603198506120316',
    regionCode: '350603',
    address: '福建省漳州市龙文区漳州市龙文区朝阳北路1号3幢501室',
    establishedDate,
    registrationAuthority: '漳州市龙文区市场监督管理局',
    registeredAt: (options.registeredAt ?? new Date(Date.now() - 3_600_000)).toISOString(),
  });
  return {
    creditCode,
    outputs: {
      'business-registration': {
        acceptanceNo: `SL${Date.now()}`,
        creditCode,
        establishedDate,
        registrationAuthority: '漳州市龙文区市场监督管理局',
      },
      'bank-account': {
        appointmentNo: 'YY20261122001',
        accountNo: '1410020309200123456',
        bankName: '中国工商银行漳州龙文支行',
      },
    },
  };
}

/** The seeded account of a sandbox portal (tests only: the store keeps the real ones sealed). */
export function accountOf(portalId: PortalId): { username: string; password: string } | undefined {
  const account = PORTAL_DEFINITIONS.find((d) => d.id === portalId)?.accounts[0];
  return account ? { username: account.username, password: account.password } : undefined;
}

/** A run request for one item of the reference case, as the queue would build it. */
export async function laterRequest(
  sandbox: Sandbox,
  itemId: string,
  portalId: PortalId,
  options: { companyName: string; outputs: Record<string, Record<string, string>> },
): Promise<ItemRunRequest> {
  return {
    applicationId: `app-${portalId}`,
    applicationRef: `YJ-${portalId}`,
    itemId,
    portalId,
    baseUrl: sandbox.url(portalId),
    values: await referenceValues(itemId, options),
    documents: sandbox.documents(REFERENCE_DOCUMENTS),
    ...(accountOf(portalId) ? { credentials: accountOf(portalId) } : {}),
    reconcile: false,
  };
}

/** A company registered just now (registerCompany) and the run request for one of its later items. */
export async function registeredRequest(
  sandbox: Sandbox,
  itemId: string,
  portalId: PortalId,
  companyName: string,
): Promise<ItemRunRequest> {
  const { outputs } = registerCompany(sandbox, companyName);
  return laterRequest(sandbox, itemId, portalId, { companyName, outputs });
}
