import type { Redis } from 'ioredis';
import { z } from 'zod';
import { EVENTS_CHANNEL } from './names.ts';

/**
 * Live events from workers (on any machine) to web servers, over Redis pub/sub. They are hints to refresh:
 * the store stays the truth, so a missed event costs a stale screen until the next one, never data.
 * Events carry ids and states only — no personal data.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('item'),
    applicationId: z.string(),
    itemId: z.string(),
    status: z.string(),
    at: z.string(),
  }),
  z.object({
    type: z.literal('human-task'),
    applicationId: z.string(),
    itemId: z.string(),
    taskId: z.number(),
    kind: z.string(),
    status: z.string(),
    at: z.string(),
  }),
  z.object({
    type: z.literal('application'),
    applicationId: z.string(),
    status: z.string(),
    at: z.string(),
  }),
  // A step of a run finished (its name is the declaration's, never a value): the clerk's page shows it live.
  z.object({
    type: z.literal('step'),
    applicationId: z.string(),
    itemId: z.string(),
    runId: z.number(),
    seq: z.number(),
    name: z.string(),
    status: z.string(),
    at: z.string(),
  }),
  z.object({
    type: z.literal('run'),
    applicationId: z.string(),
    itemId: z.string(),
    runId: z.number(),
    portalId: z.string(),
    status: z.string(),
    at: z.string(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;

type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;

export async function publishEvent(redis: Redis, event: WithoutAt<LiveEvent>): Promise<void> {
  await redis.publish(EVENTS_CHANNEL, JSON.stringify({ ...event, at: new Date().toISOString() }));
}

/** Subscribes on a dedicated connection (a subscribed ioredis client can do nothing else). */
export async function subscribeEvents(
  subscriber: Redis,
  onEvent: (event: LiveEvent) => void,
): Promise<() => Promise<void>> {
  const listener = (channel: string, message: string) => {
    if (channel !== EVENTS_CHANNEL) return;
    try {
      const parsed = liveEventSchema.safeParse(JSON.parse(message));
      if (parsed.success) onEvent(parsed.data);
    } catch {
      // A malformed message is dropped: events are hints, the store is the truth.
    }
  };
  subscriber.on('message', listener);
  await subscriber.subscribe(EVENTS_CHANNEL);
  return async () => {
    subscriber.off('message', listener);
    await subscriber.unsubscribe(EVENTS_CHANNEL);
  };
}
