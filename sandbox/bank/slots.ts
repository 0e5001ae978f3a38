/**
 * Appointment days and time slots. A branch takes a few appointments per slot on working days, from tomorrow
 * for two weeks; a slot is full when its bookings reach the capacity or when the sandbox says so (the control
 * API sets full slots, so tests and benchmarks can make a slot full between choosing and submitting).
 */
import { z } from 'zod';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';

export const SLOTS = [
  '09:00-10:00',
  '10:00-11:00',
  '11:00-12:00',
  '14:00-15:00',
  '15:00-16:00',
  '16:00-17:00',
] as const;

/** Appointments a branch takes per slot. */
export const SLOT_CAPACITY = 3;
/** How many calendar days ahead a person may book. */
export const BOOKING_DAYS = 14;

/** A slot the sandbox declares full; absent date or branch means every date or branch. */
export const fullSlotSchema = z
  .object({
    slot: z.enum(SLOTS),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    branch: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
  })
  .strict();
export type FullSlot = z.infer<typeof fullSlotSchema>;
export const fullSlotsSchema = z.object({ full: z.array(fullSlotSchema).max(500) }).strict();

const FULL_SLOTS_KEY = 'fullSlots';

export const fullSlots = (ctx: PortalContext): FullSlot[] =>
  ctx.store.getExtra<FullSlot[]>(FULL_SLOTS_KEY) ?? [];
export const setFullSlots = (ctx: PortalContext, full: FullSlot[]): void =>
  ctx.store.setExtra(FULL_SLOTS_KEY, full);

const TAKEN_AT_NEXT_CHECK_KEY = 'slotTakenAtNextCheck';

/**
 * Someone else books the slot being checked, between the moment it was chosen and 校验 (two clerks, one
 * last place): set through the control API, used up by the next 校验.
 */
export const setSlotTakenAtNextCheck = (ctx: PortalContext, taken: boolean): void =>
  ctx.store.setExtra(TAKEN_AT_NEXT_CHECK_KEY, taken);

export function takeSlotIfArranged(ctx: PortalContext, chosen: FullSlot): void {
  if (!ctx.store.getExtra<boolean>(TAKEN_AT_NEXT_CHECK_KEY)) return;
  setSlotTakenAtNextCheck(ctx, false);
  setFullSlots(ctx, [...fullSlots(ctx), chosen]);
}

/** Working days (Monday to Friday, China time) from tomorrow to BOOKING_DAYS ahead, as yyyy-MM-dd. */
export function bookableDates(now: Date): string[] {
  const today = Date.parse(`${chinaDate(now)}T00:00:00Z`);
  const dates: string[] = [];
  for (let i = 1; i <= BOOKING_DAYS; i += 1) {
    const day = new Date(today + i * 86_400_000);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

export interface SlotAvailability {
  slot: string;
  left: number;
  full: boolean;
}

/** Each slot of a branch on a day with the places left, counting every appointment already filed. */
export function availability(ctx: PortalContext, branch: string, date: string): SlotAvailability[] {
  const booked = new Map<string, number>();
  for (const submission of ctx.store.list()) {
    const fields = submission.fields;
    if (submission.raw.branchNo !== branch || fields['appointment.date'] !== date) continue;
    const slot = String(fields['appointment.slot']);
    booked.set(slot, (booked.get(slot) ?? 0) + 1);
  }
  const declared = fullSlots(ctx);
  return SLOTS.map((slot) => {
    const forced = declared.some(
      (f) => f.slot === slot && (!f.date || f.date === date) && (!f.branch || f.branch === branch),
    );
    const left = forced ? 0 : Math.max(0, SLOT_CAPACITY - (booked.get(slot) ?? 0));
    return { slot, left, full: left === 0 };
  });
}
