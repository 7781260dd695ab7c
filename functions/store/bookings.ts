/**
 * Bookings of leaders' visits: each booking in its visit's bookings
 * partition by ticket, one item per verified phone and visit, and the
 * visit's counters of places booked and tickets given, all written in one
 * transaction conditional on the visit's version: of two bookings racing
 * for the last place, one wins.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { BOOKING_STATUSES, type Booking } from '../domain/bookings.ts';
import type { Visit } from '../domain/visits.ts';
import { partitionPages } from './partition-pages.ts';
import { documents, queryItems, tableName, updateOnCondition, writeAll } from './client.ts';
import { nullableStringAt, numberAt, oneOfAt, stringAt, type Item } from './item.ts';
import { bookingKey, bookingPhoneKey, bookingsPk } from './keys.ts';
import { visitWrite } from './visits.ts';

// Bookings made before slots followed the visit keep a `slot` attribute, which is not read.
function bookingOf(item: Item): Booking {
  return {
    id: stringAt(item, 'id'),
    visitId: stringAt(item, 'visitId'),
    ticket: numberAt(item, 'ticket'),
    category: stringAt(item, 'category'),
    summary: stringAt(item, 'summary'),
    persons: numberAt(item, 'persons'),
    phone: stringAt(item, 'phone'),
    phoneHash: stringAt(item, 'phoneHash'),
    status: oneOfAt(item, 'status', BOOKING_STATUSES),
    bookedAt: stringAt(item, 'bookedAt'),
    cancelledAt: nullableStringAt(item, 'cancelledAt'),
    receptionCaseId: item.receptionCaseId === undefined ? null : nullableStringAt(item, 'receptionCaseId'),
  };
}

/** Where a new booking's transaction ended: saved, or refused because the visit changed meanwhile or the phone has a booking. */
export type BookingSave = 'saved' | 'visitChanged' | 'phoneBooked';

/** Saves a new booking with the visit's counters as they now are (`visit`, read as `before`). */
export async function saveBooking(booking: Booking, visit: Visit, before: Visit): Promise<BookingSave> {
  const refused = await writeAll([
    { name: 'visit', write: visitWrite(visit, before) },
    { name: 'phone', write: { Put: { TableName: tableName(), Item: { ...bookingPhoneKey(visit.id, booking.phoneHash), ticket: booking.ticket }, ConditionExpression: 'attribute_not_exists(pk)' } } },
    { name: 'booking', write: { Put: { TableName: tableName(), Item: { ...bookingKey(visit.id, booking.ticket), ...booking }, ConditionExpression: 'attribute_not_exists(pk)' } } },
  ]);
  if (refused.includes('phone')) return 'phoneBooked';
  return refused.length === 0 ? 'saved' : 'visitChanged';
}

/** Saves a cancelled booking with the places it gave back; the phone may book again. False when the visit or the booking changed meanwhile. */
export async function saveCancellation(booking: Booking, visit: Visit, before: Visit): Promise<boolean> {
  const refused = await writeAll([
    { name: 'visit', write: visitWrite(visit, before) },
    {
      name: 'booking',
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...bookingKey(visit.id, booking.ticket), ...booking },
          ConditionExpression: '#status = :booked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':booked': 'booked' },
        },
      },
    },
    { name: 'phone', write: { Delete: { TableName: tableName(), Key: bookingPhoneKey(visit.id, booking.phoneHash) } } },
  ]);
  return refused.length === 0;
}

/** A booking of a visit by its ticket. */
export async function bookingAt(visitId: string, ticket: number): Promise<Booking | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: bookingKey(visitId, ticket), ConsistentRead: true }));
  return Item ? bookingOf(Item) : undefined;
}

/** The booking a phone (its keyed hash) holds at a visit, if any. */
export async function bookingOfPhone(visitId: string, phoneHash: string): Promise<Booking | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: bookingPhoneKey(visitId, phoneHash), ConsistentRead: true }));
  return Item ? bookingAt(visitId, numberAt(Item, 'ticket')) : undefined;
}

/** A booking of a visit by its id: the visit's bookings are few (its capacity at most), read with a filter. */
export async function getBooking(visitId: string, id: string): Promise<Booking | undefined> {
  for await (const item of queryItems({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'id = :id',
    ExpressionAttributeValues: { ':pk': bookingsPk(visitId), ':id': id },
    ConsistentRead: true,
  })) {
    return bookingOf(item);
  }
  return undefined;
}

/** Every booking of a visit (its capacity at most), by ticket. */
export async function bookingsOfVisit(visitId: string): Promise<Booking[]> {
  const bookings: Booking[] = [];
  for await (const item of queryItems({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': bookingsPk(visitId) } })) bookings.push(bookingOf(item));
  return bookings;
}

// Pure: a function that never lists leaves it, and its Query, out of its bundle.
const bookingPages = /* @__PURE__ */ partitionPages('bookings', bookingOf);

/** A visit's bookings by ticket, paged. */
export function listBookings(visitId: string, limit: number, cursor?: string): Promise<{ items: Booking[]; nextCursor: string | null }> {
  return bookingPages({ pk: bookingsPk(visitId), binding: [visitId], limit, cursor });
}

/** Links a booking to the case its reception registered; the first link stays (a retried reception links the same case). */
export async function linkReception(booking: Booking, caseId: string): Promise<void> {
  await updateOnCondition({
    Key: bookingKey(booking.visitId, booking.ticket),
    UpdateExpression: 'SET receptionCaseId = :case',
    ConditionExpression: 'attribute_exists(pk) AND receptionCaseId = :none',
    ExpressionAttributeValues: { ':case': caseId, ':none': null },
  });
}
