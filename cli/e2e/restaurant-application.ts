import { generateCreditCode } from '../../forms/codes/index.ts';
import { normaliseReading } from '../../forms/derive/documents.ts';
import { type FormCase, loadCase } from '../../forms/index.ts';
import type { Row } from '../../forms/model/types.ts';
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

/** The restaurant case's own data: what the company serves, its sign, its floors, its existing bank account. */
const RESTAURANT_GROUPS = new Set(['scope', 'food', 'signboard', 'fire', 'bank', 'declarations']);

/**
 * 开餐饮店 with no licence yet (`licence: new`): the reference case's new company and its people register first,
 * under `companyName`, and open the restaurant case's restaurant; its 法定代表人 is the 食品安全管理员.
 */
export async function restaurantWithNewLicence(companyName: string): Promise<FormCase> {
  const [reference, restaurant] = await Promise.all([loadCase('reference'), loadCase('restaurant')]);
  const restaurantTyped = Object.entries(restaurant.typed).filter(([key]) =>
    RESTAURANT_GROUPS.has(key.split('.')[0] ?? ''),
  );
  const persons = (reference.typed.persons as readonly Row[]).map((person) =>
    person.id === 'p1' ? { ...person, roles: [...asList(person.roles), '食品安全管理员'] } : person,
  );
  return {
    ...restaurant,
    name: '开餐饮店（新办营业执照）',
    choice: { ...restaurant.choice, options: { licence: 'new' } },
    typed: {
      ...reference.typed,
      ...Object.fromEntries(restaurantTyped),
      persons,
      'company.name': companyName,
    },
    documents: [
      ...reference.documents,
      // The restaurant's materials; only person 1 is a 食品安全管理员 here, so person 2's certificate goes.
      ...restaurant.documents.filter(
        (d) => d.kind !== 'businessLicence' && d.kind !== 'idCardFront' && d.person !== 'p2',
      ),
    ],
  };
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
