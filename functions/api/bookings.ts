/**
 * Booking for leaders' visits (预约接访): a verified phone books a place
 * (POST /v1/visits/{id}/bookings), cancels it with the code its SMS gave
 * (POST /v1/visits/{id}/bookings/{bookingId}/cancellation, X-Booking-Code),
 * and staff list a visit's bookings (GET /v1/visits/{id}/bookings).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { book, bookingCode, slotOf, bookingCodeSchema, bookingForStaff, bookingSchema, cancelBooking, isSameBooking, type Booking, type BookingInput } from '../domain/bookings.ts';
import type { BookingChange } from '../domain/petitioner-messages.ts';
import { conflict, invalid, notFound, Problem } from '../domain/problem.ts';
import type { Visit } from '../domain/visits.ts';
import { petitionerMessageSender } from '../queues/petitioner-messages.ts';
import { visitInScope } from '../services/scope.ts';
import { proveVerification } from '../services/verification.ts';
import { now } from '../shared/clock.ts';
import { httpHandler, pageQuery, parseWith, requireStaff, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { bookingOfPhone, getBooking, listBookings, saveBooking, saveCancellation } from '../store/bookings.ts';
import { getVisit } from '../store/visits.ts';

const sendMessages = petitionerMessageSender();

// Of bookings racing for a visit's places, each loser reads the visit again: a few rounds settle any burst the throttle lets through.
const ATTEMPTS = 8;

const ticketOf = (booking: Booking, visit: Visit) => ({ id: booking.id, visitId: booking.visitId, ticket: booking.ticket, slot: slotOf(visit, booking.ticket), persons: booking.persons, status: booking.status });

async function publicVisit(request: ApiRequest): Promise<Visit> {
  const id = request.params.id ?? '';
  const visit = await getVisit(id);
  if (!visit) throw notFound(`There is no visit ${id}.`);
  return visit;
}

/** Tells the petitioner of a change of their booking; the booking is saved already, so a retry of the request sends it again (once). */
async function tell(booking: Booking, change: BookingChange): Promise<void> {
  try {
    await sendMessages([{ kind: 'booking-message', visitId: booking.visitId, ticket: booking.ticket, change }]);
  } catch (error) {
    logger.error('booking message not sent', { bookingId: booking.id, change, error: errorSummary(error) });
    throw new Problem('unavailable', 'Not sent', 'The booking is recorded but its SMS could not be sent: send the same request again in a moment.');
  }
}

/** The booking a phone holds already: the same request again is answered again; another one is refused. */
async function answerAgain(booking: Booking, visit: Visit, input: BookingInput): Promise<ApiAnswer> {
  if (!isSameBooking(booking, input)) throw conflict('This phone has booked this visit already: one booking per phone and visit.');
  await tell(booking, 'confirmed');
  return { status: 201, headers: { location: `/v1/visits/${booking.visitId}/bookings/${booking.id}` }, body: ticketOf(booking, visit) };
}

async function create(request: ApiRequest): Promise<ApiAnswer> {
  const input = request.body(bookingSchema);
  let visit = await publicVisit(request);
  const phoneHash = await proveVerification(input.verification, input.phone);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const held = await bookingOfPhone(visit.id, phoneHash);
    if (held) return answerAgain(held, visit, input);
    const booked = book(visit, input, { id: randomUUID(), phoneHash, now: now() });
    const saved = await saveBooking(booked.booking, booked.visit, visit);
    if (saved === 'saved') {
      logger.info('visit booked', { visitId: visit.id, bookingId: booked.booking.id, ticket: booked.booking.ticket });
      return answerAgain(booked.booking, booked.visit, input);
    }
    if (saved === 'visitChanged') visit = await publicVisit(request);
  }
  throw new Problem('unavailable', 'Busy', 'Many people are booking this visit at once: try again in a moment.');
}

function codeMatches(given: string, expected: string): boolean {
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The booking a code opens: a wrong code answers exactly as an unknown booking does. */
async function bookingOfCode(request: ApiRequest, visit: Visit): Promise<Booking> {
  const parsed = bookingCodeSchema.safeParse(request.headers['x-booking-code'] ?? '');
  if (!parsed.success) throw invalid('Send the booking code the SMS gave as the X-Booking-Code header.', [{ path: 'X-Booking-Code', message: 'must be the 8-digit booking code sent by SMS' }]);
  const code = parsed.data;
  const id = request.params.bookingId ?? '';
  const booking = await getBooking(visit.id, id);
  if (!booking || !codeMatches(code, bookingCode(deploymentKeys().verification, booking.id))) throw notFound(`There is no booking ${id} for this code.`);
  return booking;
}

async function cancel(request: ApiRequest): Promise<ApiAnswer> {
  let visit = await publicVisit(request);
  let booking = await bookingOfCode(request, visit);
  for (let attempt = 1; attempt <= ATTEMPTS && booking.status === 'booked'; attempt++) {
    const cancelled = cancelBooking(booking, visit, now());
    if (await saveCancellation(cancelled.booking, cancelled.visit, visit)) {
      logger.info('booking cancelled', { visitId: visit.id, bookingId: booking.id });
      booking = cancelled.booking;
      break;
    }
    visit = await publicVisit(request);
    booking = await bookingOfCode(request, visit);
  }
  if (booking.status === 'booked') throw new Problem('unavailable', 'Busy', 'The visit is changing: try again in a moment.');
  // Cancelled, now or by an earlier try of the same request: the SMS is sent once either way.
  await tell(booking, 'cancelled');
  return { status: 200, body: ticketOf(booking, visit) };
}

async function list(request: ApiRequest): Promise<ApiAnswer> {
  const visit = await visitInScope(requireStaff(request), request.params.id ?? '');
  const { limit, cursor } = parseWith(pageQuery, request.query, 'query');
  const page = await listBookings(visit.id, limit, cursor);
  return { status: 200, body: { items: page.items.map((booking) => bookingForStaff(booking, visit)), nextCursor: page.nextCursor } };
}

export const handler = httpHandler(async (request) => {
  switch (request.route) {
    case 'POST /v1/visits/{id}/bookings':
      return create(request);
    case 'POST /v1/visits/{id}/bookings/{bookingId}/cancellation':
      return cancel(request);
    case 'GET /v1/visits/{id}/bookings':
      return list(request);
    default:
      throw new Error(`bookings has no route ${request.route}`);
  }
});
