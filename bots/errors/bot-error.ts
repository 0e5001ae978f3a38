import { z } from 'zod';

/**
 * What a failed bot run means for the rest of the system. Each code says what happens next, so the queue
 * never has to guess from a message:
 * - PORTAL_UNAVAILABLE → retry later with exponential backoff and jitter (5xx, busy page, timeout, sync lag);
 * - VALUE_REJECTED     → stop; the item goes back to the clerk with the portal's message on the merged field;
 * - PERSON_NEEDED      → a person must answer (CAPTCHA, SMS code) and did not in time; back to the clerk;
 * - PORTAL_CHANGED     → stop now and alert the admin: a binding found nothing, the declaration is stale.
 */
export const BOT_ERROR_CODES = [
  'PORTAL_UNAVAILABLE',
  'VALUE_REJECTED',
  'PERSON_NEEDED',
  'PORTAL_CHANGED',
] as const;
export type BotErrorCode = (typeof BOT_ERROR_CODES)[number];

/** A portal's complaint about one field, by the item's field id (docs/item-fields.md). */
export const fieldRejectionSchema = z.object({
  fieldId: z.string(),
  message: z.string(),
  /** Added by the queue: the merged-form elements the value came from, for the clerk to correct. */
  elements: z.array(z.string()).optional(),
  /** Added by the queue: the field's label on the department's form and on the merged form. */
  label: z.string().optional(),
  mergedLabels: z.array(z.string()).optional(),
});
export type FieldRejection = z.infer<typeof fieldRejectionSchema>;

export const botFailureSchema = z.object({
  code: z.enum(BOT_ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
  fields: z.array(fieldRejectionSchema).default([]),
  task: z.enum(['captcha', 'sms-code', 'confirm-filing']).optional(),
});
/** The plain-data form of a BotError: what survives Redis, the store and the browser. */
export type BotFailure = z.infer<typeof botFailureSchema>;

const WIRE_PREFIX = 'yijian-bot-error:';

export abstract class BotError extends Error {
  abstract readonly code: BotErrorCode;
  abstract readonly retryable: boolean;

  toFailure(): BotFailure {
    return { code: this.code, message: this.message, retryable: this.retryable, fields: [] };
  }

  /** A single string carrying the whole failure, for BullMQ's `failedReason`. */
  toWire(): string {
    return WIRE_PREFIX + JSON.stringify(this.toFailure());
  }
}

/** Reads a failure back from a string written by `toWire`; anything else is not a BotError. */
export function parseWireFailure(reason: string | undefined): BotFailure | undefined {
  if (!reason?.startsWith(WIRE_PREFIX)) return undefined;
  try {
    const parsed = botFailureSchema.safeParse(JSON.parse(reason.slice(WIRE_PREFIX.length)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
