/**
 * Booking for leaders' visits (预约接访): a petitioner with a verified phone
 * books a place at an announced visit and gets a ticket and a time slot, so
 * that they need not queue on the day. Slots follow one another from the
 * visit's start, one ticket to a slot. Bookings close when the visit starts.
 */
import { createHmac, type KeyObject } from 'node:crypto';
import { text } from './fields.ts';
import { mobileNumber } from './petitioner.ts';
import { addMs } from './policy.ts';
import { conflict } from './problem.ts';
import { verificationProofSchema } from './verification.ts';
import { DEFAULT_SLOT_MINUTES, type Visit } from './visits.ts';
import * as z from './zod.ts';

const mobile = z.string().check(z.trim(), z.refine((phone) => mobileNumber(phone) !== undefined, 'must be the mainland mobile number that was verified'));

/**
 * POST /v1/visits/{id}/bookings. The phone is the one the verification
 * proved: only its keyed hash is kept by a verification, and the
 * confirmation and the reminder go to it.
 */
export const bookingSchema = z.strictObject({
  phone: mobile,
  verification: verificationProofSchema,
  category: z.string().check(z.minLength(1), z.maxLength(40)),
  summary: text(500),
  persons: z.number().check(z.int(), z.minimum(1), z.maximum(20)),
});
export type BookingInput = z.infer<typeof bookingSchema>;

/** The booking code, as the SMS gives it: 8 digits. */
export const bookingCodeSchema = z.string().check(z.trim(), z.regex(/^\d{8}$/, 'must be the 8-digit booking code sent by SMS'));

export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface Slot {
  from: string;
  to: string;
}

export interface Booking {
  id: string;
  visitId: string;
  /** Its place in the visit's order: its slot follows from it and the visit's time (`slotOf`), and moves with the visit. */
  ticket: number;
  category: string;
  summary: string;
  persons: number;
  /** The verified mobile number: the messages go to it; staff see it masked. */
  phone: string;
  /** Its keyed hash: one booking per phone and visit. */
  phoneHash: string;
  status: BookingStatus;
  bookedAt: string;
  cancelledAt: string | null;
  /** The case a reception at the visit registered for it, once one did. */
  receptionCaseId: string | null;
}

/** The slot of a ticket: the n-th slot from the visit's start. */
export function slotOf(visit: Visit, ticket: number): Slot {
  const minutes = (visit.slotMinutes ?? DEFAULT_SLOT_MINUTES) * 60_000;
  const from = addMs(visit.startsAt, (ticket - 1) * minutes);
  return { from, to: addMs(from, minutes) };
}

/** The places still free at a visit that takes bookings; `null` for one that takes none. */
export function placesLeft(visit: Visit): number | null {
  return visit.capacity === undefined ? null : visit.capacity - (visit.booked ?? 0);
}

function requireOpen(visit: Visit, now: string): void {
  if (visit.status !== 'announced') throw conflict(`The visit is ${visit.status}: it takes no bookings.`);
  if (visit.startsAt <= now) throw conflict('The visit has started: bookings are closed.');
}

/**
 * A new booking at a visit, with the next ticket, and the visit with its
 * places taken. Refused (409) when the visit takes no bookings, is
 * cancelled or started, or has fewer places left than persons.
 */
export function book(visit: Visit, input: BookingInput, context: { id: string; phoneHash: string; now: string }): { booking: Booking; visit: Visit } {
  const left = placesLeft(visit);
  if (left === null) throw conflict('This visit takes no bookings: come on the day.');
  requireOpen(visit, context.now);
  if (left < input.persons) throw conflict(left === 0 ? 'The visit is fully booked.' : `Only ${left} places are left at this visit.`);
  const ticket = (visit.tickets ?? 0) + 1;
  const booking: Booking = {
    id: context.id,
    visitId: visit.id,
    ticket,
    category: input.category,
    summary: input.summary,
    persons: input.persons,
    phone: mobileNumber(input.phone) ?? input.phone,
    phoneHash: context.phoneHash,
    status: 'booked',
    bookedAt: context.now,
    cancelledAt: null,
    receptionCaseId: null,
  };
  return { booking, visit: { ...visit, booked: (visit.booked ?? 0) + input.persons, tickets: ticket, version: visit.version + 1 } };
}

/** Whether a booking answers the same request again (an idempotent retry) rather than a second booking. */
export function isSameBooking(booking: Booking, input: BookingInput): boolean {
  return booking.status === 'booked' && booking.category === input.category && booking.summary === input.summary && booking.persons === input.persons;
}

/** Cancels a booking before the visit starts: its places are given back (its ticket and slot are not given again). */
export function cancelBooking(booking: Booking, visit: Visit, now: string): { booking: Booking; visit: Visit } {
  if (booking.status !== 'booked') throw conflict('The booking is cancelled already.');
  requireOpen(visit, now);
  return {
    booking: { ...booking, status: 'cancelled', cancelledAt: now },
    visit: { ...visit, booked: Math.max(0, (visit.booked ?? 0) - booking.persons), version: visit.version + 1 },
  };
}

/**
 * A booking's code, sent by SMS, that cancels it: derived from its id with
 * the deployment's key, so it is never kept and the sender can write it again.
 */
export function bookingCode(key: KeyObject, bookingId: string): string {
  const digest = createHmac('sha256', key).update(`booking\n${bookingId}`).digest();
  return String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0');
}

/** The phone as staff see it: the first three and last four digits. */
export const maskedPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** What staff see of a booking, with its slot at `visit` as it now is: no identity number (none is asked), the phone masked. */
export function bookingForStaff({ phoneHash: _hash, phone, ...shown }: Booking, visit: Visit) {
  return { ...shown, slot: slotOf(visit, shown.ticket), phone: maskedPhone(phone) };
}

/** A change of a visit that a booking's petitioner is told of: which of the visit's `changes`, and what it did. */
export interface VisitChangeNotice {
  ticket: number;
  change: 'rescheduled' | 'visit_cancelled';
  visitChange: number;
}

/**
 * The notices of a visit's changes made at or after `since`, one for each
 * booking that stands: a reschedule tells its new slot, a cancellation that
 * the booking goes with it. Each is sent once, however often asked for.
 */
export function visitChangeNotices(visit: Visit, bookings: readonly Booking[], since: string): VisitChangeNotice[] {
  const standing = bookings.filter((booking) => booking.status === 'booked');
  return visit.changes.flatMap((change, visitChange) =>
    change.at < since ? [] : standing.map((booking) => ({ ticket: booking.ticket, change: change.kind === 'cancelled' ? ('visit_cancelled' as const) : ('rescheduled' as const), visitChange })),
  );
}

/**
 * Whether a booking is reminded a day (`lead`) before its visit: it stands,
 * its visit is on, and it was made before that day began (a later one has
 * just had its confirmation).
 */
export function needsReminder(booking: Booking, visit: Visit, lead: number): boolean {
  return booking.status === 'booked' && visit.status === 'announced' && booking.bookedAt <= addMs(visit.startsAt, -lead);
}

/** A visit's booking figures: the bookings standing, and, once it has begun, those nobody was received for. */
export function bookingFigures(bookings: readonly Booking[], visit: Visit, now: string): { booked: number; noShow: number } {
  const standing = bookings.filter((booking) => booking.status === 'booked');
  const begun = visit.startsAt <= now;
  return { booked: standing.length, noShow: begun ? standing.filter((booking) => booking.receptionCaseId === null).length : 0 };
}
