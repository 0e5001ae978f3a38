import type { Redis } from 'ioredis';
import { ApplicationsRepo } from '../store/applications.repo.ts';
import type { Db } from '../store/db.ts';
import type { CoordinatorOptions } from './coordinator.ts';
import { publishEvent } from './events.ts';

/**
 * What happens when nothing more can run for an application: every item done makes it 已办结, and the
 * pages watching it hear so at once. Failed items leave it 办理中 for the clerk to resolve.
 */
export function completeApplicationWhenDone(
  db: Db,
  publisher: Redis,
): NonNullable<CoordinatorOptions['onSettled']> {
  const applications = new ApplicationsRepo(db);
  return async (applicationId, items) => {
    if (!items.every((item) => item.status === 'done')) return;
    await applications.transition({ kind: 'all' }, applicationId, {
      from: ['processing', 'accepted'],
      to: 'completed',
      actorId: null,
      actorRole: 'system',
      reason: '全部事项已办结',
    });
    await publishEvent(publisher, { type: 'application', applicationId, status: 'completed' });
  };
}
