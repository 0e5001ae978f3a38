import type { Logger } from '../../lib/logger.ts';
import { subscribeEvents } from '../../queue/events.ts';
import { createRedis } from '../../queue/redis/connection.ts';
import type { ApplicationsRepo } from '../../store/applications.repo.ts';
import { applicationAudience, type EventHub } from './hub.ts';

/**
 * Forwards the workers' live events (Redis pub/sub, from any machine) to this server's browsers. Events
 * name an application; its applicant and centre are looked up here (and remembered briefly), so a worker
 * never needs to know who is watching.
 */
export async function bridgeQueueEvents(options: {
  redisUrl: string;
  hub: EventHub;
  applications: ApplicationsRepo;
  logger: Logger;
}): Promise<() => Promise<void>> {
  const subscriber = createRedis(options.redisUrl, 'worker');
  subscriber.on('error', (error: Error) => options.logger.warn({ err: error }, '实时事件订阅连接出错'));
  const owners = new Map<string, { applicantId: string; centreId: string; at: number }>();
  const ownerOf = async (applicationId: string) => {
    const known = owners.get(applicationId);
    if (known && Date.now() - known.at < 60_000) return known;
    const application = await options.applications.find({ kind: 'all' }, applicationId);
    if (!application) return undefined;
    const owner = { applicantId: application.applicantId, centreId: application.centreId, at: Date.now() };
    if (owners.size > 5000) owners.clear();
    owners.set(applicationId, owner);
    return owner;
  };
  // The application's own status (办理中 → 已办结) is read from the store: the page wants its version too.
  const announceStatus = async (applicationId: string) => {
    const application = await options.applications.find({ kind: 'all' }, applicationId);
    if (!application) return;
    options.hub.publish(applicationAudience(application), {
      type: 'application',
      data: { applicationId, status: application.status, version: application.version },
    });
  };
  const unsubscribe = await subscribeEvents(subscriber, (event) => {
    ownerOf(event.applicationId)
      .then((owner) => {
        if (!owner) return;
        if (event.type === 'application') return announceStatus(event.applicationId);
        const { type, ...data } = event;
        options.hub.publish(applicationAudience(owner), { type, data });
      })
      .catch((error: unknown) => options.logger.warn({ err: error }, '转发实时事件失败'));
  });
  return async () => {
    await unsubscribe().catch(() => {});
    subscriber.disconnect();
  };
}
