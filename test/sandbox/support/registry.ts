import { generateCreditCode, generateIdNumber } from '../../../forms/codes/index.ts';
import type { RunningPortals } from '../../../sandbox/start.ts';

/** A company as market regulation approved it, in 漳州市龙文区 unless said otherwise. */
export interface ApprovedCompany {
  creditCode: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  address: string;
  establishedDate: string;
  /** When the approval reached the exchange (ISO); the sandbox's own clock when left out. */
  registeredAt?: string;
  regionCode?: string;
}

/**
 * Publishes the company on the sandbox's inter-agency exchange (the index's control API), as market
 * regulation's approval would, so that the other departments can look it up.
 */
export async function publishCompany(
  portals: RunningPortals,
  company: ApprovedCompany,
): Promise<{ ok: boolean }> {
  const response = await fetch(`${portals.urls.index}/__sandbox/registry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${portals.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      regionCode: '350603',
      registrationAuthority: '漳州市龙文区市场监督管理局',
      ...company,
    }),
  });
  return (await response.json()) as { ok: boolean };
}

/** A test's company as the sandbox tests describe it, its legal representative nested. */
export interface TestUnit {
  creditCode: string;
  name: string;
  address: string;
  legalRep: { name: string; idNumber: string };
}

/** Publishes a test's company (see publishCompany), established and approved when the test says. */
export function publishUnit(
  portals: RunningPortals,
  unit: TestUnit,
  when: Pick<ApprovedCompany, 'establishedDate' | 'registeredAt'>,
): Promise<{ ok: boolean }> {
  return publishCompany(portals, {
    creditCode: unit.creditCode,
    name: unit.name,
    legalRepName: unit.legalRep.name,
    legalRepIdNumber: unit.legalRep.idNumber,
    address: unit.address,
    ...when,
  });
}

/** The legal representative of the sandbox tests' company (张伟). */
export const LEGAL_REP = {
  name: '张伟',
  idNumber: generateIdNumber({ region: '350603', birthDate: '1985-03-12', gender: '1', serial: 7 }),
  mobile: '13905961234',
};

/** The company's clerk (王芳): its 经办人, contact, 专管员 or 财务负责人, as each department calls her. */
export const CLERK = {
  name: '王芳',
  idNumber: generateIdNumber({ region: '350603', birthDate: '1992-01-20', gender: '2', serial: 30 }),
  mobile: '13705963456',
};

/**
 * The sandbox tests' company in 龙文区, LEGAL_REP its legal representative; `serial` gives each department's
 * test a credit code of its own.
 */
export function testUnit(serial: number): TestUnit & { legalRep: typeof LEGAL_REP } {
  return {
    name: '漳州龙文云帆软件有限公司',
    creditCode: generateCreditCode({ region: '350603', serial }),
    address: '福建省漳州市龙文区朝阳北路1号3幢501室',
    legalRep: LEGAL_REP,
  };
}
