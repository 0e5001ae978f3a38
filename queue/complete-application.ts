import type { Redis } from 'ioredis';
import type { ItemStatus } from '../store/application-items.repo.ts';
import { ApplicationsRepo } from '../store/applications.repo.ts';
import type { Db } from '../store/db.ts';
import type { CoordinatorOptions } from './coordinator.ts';
import { publishEvent } from './events.ts';

/**
 * Whether an application's items make it 已办结: each done (by a bot, or by the clerk's 人工办结) or cancelled
 * by an admin (取消: not filed at all), and at least one done. A failed, handed-over or waiting item keeps it
 * 办理中 for the clerk to resolve.
 */
export function itemsComplete(items: readonly { status: ItemStatus }[]): boolean {
  return (
    items.some((item) => item.status === 'done') &&
    items.every((item) => item.status === 'done' || item.status === 'cancelled')
  );
}

/**
 * What happens when nothing more can run for an application: its items complete (itemsComplete) make it
 * 已办结, and the pages watching it hear so at once.
 */
export function completeApplicationWhenDone(
  db: Db,
  publisher: Redis,
): NonNullable<CoordinatorOptions['onSettled']> {
  const applications = new ApplicationsRepo(db);
  return async (applicationId, items) => {
    if (!itemsComplete(items)) return;
    const completed = await applications.transition({ kind: 'all' }, applicationId, {
      from: ['processing', 'accepted'],
      to: 'completed',
      actorId: null,
      actorRole: 'system',
      reason: '全部事项已办结',
    });
    // Settled twice (a worker and the web server's 人工办结 at once): only the transition is heard.
    if (completed) await publishEvent(publisher, { type: 'application', applicationId, status: 'completed' });
  };
}
