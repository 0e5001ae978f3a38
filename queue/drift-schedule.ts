import type { Queue } from 'bullmq';
import type { DriftScheduleRow } from '../store/portal-checks.repo.ts';
import type { DriftJobData } from './job-data.ts';
import { DRIFT_SCHEDULER_ID } from './names.ts';

/** HH:MM (00:00–23:59), the only form of schedule an admin types. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The cron pattern of a daily check at `timeOfDay` (02:30 → `30 2 * * *`). */
export function cronOf(timeOfDay: string): string {
  const match = TIME_OF_DAY.exec(timeOfDay);
  if (!match) throw new Error(`Bad time of day ${timeOfDay}`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

/**
 * Makes Redis hold the admin's schedule: a BullMQ job scheduler producing one `all` job a day at the
 * stored time in the stored zone (upserted, so a change replaces it), or none when checks are off.
 */
export async function applyDriftSchedule(queue: Queue, schedule: DriftScheduleRow): Promise<void> {
  if (!schedule.enabled) {
    await queue.removeJobScheduler(DRIFT_SCHEDULER_ID);
    return;
  }
  const data: DriftJobData = { scope: 'all' };
  await queue.upsertJobScheduler(
    DRIFT_SCHEDULER_ID,
    { pattern: cronOf(schedule.timeOfDay), tz: schedule.timeZone },
    { name: 'all', data, opts: { removeOnComplete: 30, removeOnFail: 30 } },
  );
}

/** When the scheduler will next make its job (ms since the epoch), if any. */
export async function nextDriftRun(queue: Queue): Promise<number | undefined> {
  return (await queue.getJobScheduler(DRIFT_SCHEDULER_ID))?.next ?? undefined;
}
