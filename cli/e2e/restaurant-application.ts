import { generateCreditCode } from '../../forms/codes/index.ts';
import { normaliseReading } from '../../forms/derive/documents.ts';
import { loadCase } from '../../forms/index.ts';
import type { Db } from '../../store/db.ts';
import { type SeededApplication, type SeedOptions, seedCaseApplication } from './reference-application.ts';
import type { SandboxClient } from './sandbox-client.ts';

/** The district the restaurant case's company was registered in (its credit code carries it). */
const REGION = '350603';

/**
 * The 开餐饮店 case (forms/cases/restaurant.json, an existing licence read from its photo) stored as its
 * applicant would have left it, for the company `companyName` with a credit code of its own (`serial`).
 * The company holds its licence already, so the sandbox registrar's exchange is told of it first, as a real
 * registrar's would know it: social insurance and the housing fund check the unit against it.
 */
export async function seedRestaurantApplication(
  db: Db,
  dataDir: string,
  sandbox: SandboxClient,
  options: Omit<SeedOptions, 'creditCode'> & { companyName: string; serial: number },
): Promise<SeededApplication & { creditCode: string }> {
  const formCase = await loadCase('restaurant');
  const creditCode = generateCreditCode({ region: REGION, serial: options.serial });
  const licence = formCase.documents.find((d) => d.kind === 'businessLicence')?.fields ?? {};
  const established = normaliseReading('company.establishedDate', licence.establishedDate ?? '') ?? '';
  const legalRep = formCase.documents.find((d) => d.kind === 'idCardFront' && d.person === 'p1')?.fields;
  await sandbox.control('index', '/registry', {
    method: 'POST',
    body: {
      creditCode,
      name: options.companyName,
      legalRepName: legalRep?.name ?? '',
      legalRepIdNumber: legalRep?.idNumber ?? '',
      regionCode: REGION,
      address: licence.domicile ?? '',
      establishedDate: established,
      registrationAuthority: '漳州市龙文区市场监督管理局',
      registeredAt: `${established}T01:00:00.000Z`,
    },
  });
  const seeded = await seedCaseApplication(db, dataDir, formCase, { ...options, creditCode });
  return { ...seeded, creditCode };
}
