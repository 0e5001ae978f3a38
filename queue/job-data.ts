import { z } from 'zod';

/**
 * Job payloads carry references only. Values to type (with ID numbers and phones) are loaded from the store
 * when the job runs, so no personal data sits in Redis or shows on the queue board.
 */
export const itemJobDataSchema = z.object({
  applicationId: z.string().min(1),
  itemId: z.string().min(1),
  portalId: z.string().min(1),
  generation: z.number().int().min(0),
  /**
   * submit: fill and file the form · follow-up: poll 办件查询 until the result (e.g. the credit code) is out ·
   * warm: log in to the portal while the item's needs finish, so its filing starts logged in.
   */
  phase: z.enum(['submit', 'follow-up', 'warm']).default('submit'),
  receipt: z.record(z.string(), z.string()).optional(),
  followUps: z.number().int().min(0).default(0),
});
export type ItemJobData = z.infer<typeof itemJobDataSchema>;

export const advanceJobDataSchema = z.object({
  applicationId: z.string().min(1),
  itemId: z.string().min(1),
  generation: z.number().int().min(0),
});
export type AdvanceJobData = z.infer<typeof advanceJobDataSchema>;

/**
 * A drift check: `all` (made by the nightly scheduler) adds one `portal` job per portal; a `portal` job
 * walks that portal's pages. `by` is the admin who pressed 立即检查, for the record.
 */
export const driftJobDataSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all') }),
  z.object({
    scope: z.literal('portal'),
    portalId: z.string().min(1),
    trigger: z.enum(['schedule', 'admin']),
  }),
]);
export type DriftJobData = z.infer<typeof driftJobDataSchema>;

/** Parses a payload on entry to a processor; a bad payload is a bug, never worth a retry. */
export function parseJobData<T>(schema: z.ZodType<T>, data: unknown, jobId: string | undefined): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`Invalid payload for job ${jobId}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
