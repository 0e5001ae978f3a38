import { applicationItems } from '../../../store/application-items.repo.ts';
import { ApplicationsRepo } from '../../../store/applications.repo.ts';
import { seedReferenceApplication } from '../../e2e/reference-application.ts';
import { benchCompanyName } from './company-names.ts';
import type { BenchInfra } from './infra.ts';

/** The items `bench bots` files before a sample, untimed: the measured items need both. */
export const SETUP_ITEMS = ['business-registration', 'bank-account'] as const;

/** A prepared application and the company it files for. */
export interface Prepared {
  applicationId: string;
  companyName: string;
}

/**
 * Seeds `count` reference applications, each with its own company and its own 联络员 mobile (the 经办人 the seal
 * portal texts its code to: it accepts only the latest code sent to a phone, so two companies filing at once
 * with one phone would void each other's codes), accepted and ready for the clerk's one key.
 */
export async function prepareApplications(
  infra: BenchInfra,
  count: number,
  next: () => number,
  phones: Map<string, string>,
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = next();
    prepared.push(await prepareOne(infra, n, benchCompanyName(n), phones));
  }
  return prepared;
}

/**
 * For a smoke run's later samples: a new application of each company `done` filed for, its registration and
 * bank account copied from there as done (the same company, registered once), so that one key queues the
 * measured items at once. The portals take a second filing of a company's later items as they took the first.
 */
export async function reuseSetup(
  infra: BenchInfra,
  done: readonly Prepared[],
  next: () => number,
  phones: Map<string, string>,
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const earlier of done) {
    const one = await prepareOne(infra, next(), earlier.companyName, phones);
    const rows = await applicationItems.list(infra.db, earlier.applicationId);
    await applicationItems.ensure(infra.db, one.applicationId, SETUP_ITEMS);
    for (const itemId of SETUP_ITEMS) {
      const row = rows.find((r) => r.itemId === itemId && r.status === 'done');
      if (!row) throw new Error(`${earlier.applicationId} 的 ${itemId} 尚未办结，不能沿用`);
      await applicationItems.recordResult(infra.db, {
        applicationId: one.applicationId,
        itemId,
        status: 'done',
        receipt: row.receipt ?? {},
        outputs: row.outputs,
      });
    }
    prepared.push(one);
  }
  return prepared;
}

async function prepareOne(
  infra: BenchInfra,
  n: number,
  companyName: string,
  phones: Map<string, string>,
): Promise<Prepared> {
  const seeded = await seedReferenceApplication(infra.db, infra.dataDir, { companyName });
  const phone = `139${String(n).padStart(8, '0')}`;
  await infra.db.query(
    `UPDATE applications SET typed_values = jsonb_set(typed_values, '{persons,0,mobile}', to_jsonb($2::text))
     WHERE id = $1`,
    [seeded.applicationId, phone],
  );
  phones.set(seeded.applicationId, phone);
  await new ApplicationsRepo(infra.db).transition({ kind: 'all' }, seeded.applicationId, {
    from: ['accepted'],
    to: 'processing',
    actorId: null,
    actorRole: 'clerk',
  });
  return { applicationId: seeded.applicationId, companyName: seeded.companyName };
}
