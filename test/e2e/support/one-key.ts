import { expect } from 'vitest';
import type { E2eEnvironment } from '../../../cli/e2e/environment.ts';
import { startSimulatedPeople } from '../../../cli/e2e/simulated-people.ts';
import { type ItemCheck, verifyApplication } from '../../../cli/e2e/verify.ts';
import { silentLogger } from '../../../lib/logger.ts';
import { ApplicationsRepo } from '../../../store/applications.repo.ts';
import type { Db } from '../../../store/db.ts';

/** The clerk's acceptance, as the desk records it: the accepted application moves on to processing. */
export async function startProcessing(db: Db, applicationId: string): Promise<void> {
  await new ApplicationsRepo(db).transition({ kind: 'all' }, applicationId, {
    from: ['accepted'],
    to: 'processing',
    actorId: null,
    actorRole: 'clerk',
  });
}

/**
 * Runs `work` while simulated people answer the SMS codes and CAPTCHAs of these applications, and stops
 * them even when `work` throws. Returns what `work` returned and how many answers the people gave.
 */
export async function withSimulatedPeople<T>(
  env: E2eEnvironment,
  applicationIds: readonly string[],
  work: () => Promise<T>,
  replyMs = 200,
): Promise<{ value: T; answered: number }> {
  const people = startSimulatedPeople({
    queue: env.bots.queue,
    sandbox: env.sandbox,
    applicationIds: () => applicationIds,
    replyMs,
    logger: silentLogger,
  });
  try {
    const value = await work();
    await people.stop();
    return { value, answered: people.answered };
  } catch (error) {
    await people.stop();
    throw error;
  }
}

/** What the departments received for one seeded application, against what yijian meant to send. */
export function verifySeeded(
  db: Db,
  env: E2eEnvironment,
  seeded: { applicationId: string; companyName: string },
): Promise<ItemCheck[]> {
  return verifyApplication({
    db,
    source: env.bots.source,
    sandbox: env.sandbox,
    applicationId: seeded.applicationId,
    companyName: seeded.companyName,
  });
}

/** Every item reached its department exactly once, with the intended values (and, if asked, enough of them). */
export function expectEachFiledOnce(checks: readonly ItemCheck[], minFieldsCompared?: number): void {
  for (const check of checks) {
    expect({ item: check.itemId, submissions: check.submissions, mismatches: check.mismatches }).toEqual({
      item: check.itemId,
      submissions: 1,
      mismatches: [],
    });
    if (minFieldsCompared !== undefined) expect(check.fieldsCompared).toBeGreaterThan(minFieldsCompared);
  }
}
