import { createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { book, bookingCode, bookingFigures, bookingForStaff, bookingSchema, cancelBooking, isSameBooking, needsReminder, placesLeft, slotOf, visitChangeNotices } from '../../functions/domain/bookings.ts';
import { bookingMessageOf } from '../../functions/domain/petitioner-messages.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { announceVisit, cancelVisit, rescheduleVisit, visitSchema } from '../../functions/domain/visits.ts';
import { refusal } from '../support/domain.ts';

const DAY = 86_400_000;
const T0 = '2026-09-01T00:00:00.000Z';
const clock = clockOf(DEFAULT_POLICY);
const leader = { sub: 'leader@330726', unit: '330726', roles: ['leader' as const] };
const startsAt = addMs(T0, 5 * DAY);

const visit = (extra: Record<string, unknown> = { capacity: 3, slotMinutes: 20 }) =>
  announceVisit(
    visitSchema.parse({ leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt, venue: '县信访局', departments: [], ...extra }),
    'v1',
    { staff: leader, now: T0, clock },
  );
const input = (persons = 1) => bookingSchema.parse({ phone: '138 0013 8000', verification: { id: 'x', code: '123456' }, category: 'housing', summary: '楼顶漏水', persons });
const context = (id = 'b1') => ({ id, phoneHash: 'hash', now: T0 });

describe('booking a visit', () => {
  it('gives tickets in turn, each its slot from the start, and counts the places', () => {
    const first = book(visit(), input(2), context());
    expect(first.booking).toMatchObject({ ticket: 1, phone: '13800138000', status: 'booked' });
    expect(slotOf(first.visit, 1)).toEqual({ from: startsAt, to: addMs(startsAt, 20 * 60_000) });
    const second = book(first.visit, input(1), context('b2'));
    expect(second.booking.ticket).toBe(2);
    expect(slotOf(second.visit, 2).from).toBe(addMs(startsAt, 20 * 60_000));
    expect(placesLeft(second.visit)).toBe(0);
    expect(refusal(() => book(second.visit, input(1), context('b3')))).toBe('conflict');
  });

  it('refuses a visit without a capacity, a cancelled one, and one that has started', () => {
    expect(placesLeft(visit({}))).toBeNull();
    expect(refusal(() => book(visit({}), input(), context()))).toBe('conflict');
    expect(refusal(() => book(visit(), input(), { ...context(), now: startsAt }))).toBe('conflict');
    expect(refusal(() => book({ ...visit(), status: 'cancelled' }, input(), context()))).toBe('conflict');
  });

  it('refuses bad input', () => {
    expect(() => bookingSchema.parse({ ...input(), persons: 0 })).toThrow();
    expect(() => bookingSchema.parse({ ...input(), phone: '0579-8411111' })).toThrow();
    expect(() => visitSchema.parse({ leader: { name: 'a', title: 'b' }, regionCode: '330726', startsAt, venue: 'v', departments: [], capacity: 0 })).toThrow();
  });

  it('answers a retry as the same booking, not a second', () => {
    const { booking } = book(visit(), input(), context());
    expect(isSameBooking(booking, input())).toBe(true);
    expect(isSameBooking(booking, input(2))).toBe(false);
  });

  it('cancels before the visit, giving the places back but not the ticket', () => {
    const booked = book(visit(), input(2), context());
    const cancelled = cancelBooking(booked.booking, booked.visit, T0);
    expect(cancelled.booking.status).toBe('cancelled');
    expect(placesLeft(cancelled.visit)).toBe(3);
    expect(book(cancelled.visit, input(), context('b2')).booking.ticket).toBe(2);
    expect(refusal(() => cancelBooking(cancelled.booking, cancelled.visit, T0))).toBe('conflict');
    expect(refusal(() => cancelBooking(booked.booking, booked.visit, startsAt))).toBe('conflict');
  });

  it('keeps the places booked through a reschedule, and no capacity below them', () => {
    const booked = book(visit(), input(2), context());
    const moved = rescheduleVisit(booked.visit, { startsAt: addMs(startsAt, DAY), reason: '改期', capacity: 5 }, { staff: leader, now: T0, clock });
    expect(placesLeft(moved)).toBe(3);
    expect(refusal(() => rescheduleVisit(booked.visit, { startsAt, reason: '改期', capacity: 1 }, { staff: leader, now: T0, clock }))).toBe('invalid');
  });

  it('reminds the bookings made before the day ahead, and counts who did not come', () => {
    const { booking, visit: after } = book(visit(), input(), context());
    expect(needsReminder(booking, after, DAY)).toBe(true);
    expect(needsReminder({ ...booking, bookedAt: addMs(startsAt, -DAY / 2) }, after, DAY)).toBe(false);
    expect(needsReminder({ ...booking, status: 'cancelled' }, after, DAY)).toBe(false);
    const received = { ...booking, id: 'b2', ticket: 2, receptionCaseId: 'c1' };
    expect(bookingFigures([booking, received], after, T0)).toEqual({ booked: 2, noShow: 0 });
    expect(bookingFigures([booking, received, { ...booking, status: 'cancelled' }], after, startsAt)).toEqual({ booked: 2, noShow: 1 });
  });

  it('shows staff the phone masked, and writes messages with the slot, the code only in the confirmation', () => {
    const { booking, visit: after } = book(visit(), input(), context());
    expect(bookingForStaff(booking, after)).toMatchObject({ phone: '138****8000', slot: slotOf(after, 1) });
    expect(bookingForStaff(booking, after)).not.toHaveProperty('phoneHash');
    const key = createSecretKey(Buffer.alloc(32, 7));
    const code = bookingCode(key, booking.id);
    expect(code).toMatch(/^\d{8}$/);
    expect(bookingCode(key, 'b2')).not.toBe(code);
    const confirmed = bookingMessageOf('confirmed', booking, after, code);
    expect(confirmed.kind).toBe('booking_confirmed');
    expect(confirmed.text).toContain(code);
    expect(confirmed.text).toContain('2026-09-06 08:00');
    expect(bookingMessageOf('reminder', booking, after, code).text).not.toContain(code);
  });

  it('moves with its visit: a reschedule tells each standing booking its new slot, a cancellation that it goes too, each change once', () => {
    const first = book(visit(), input(), context());
    const second = book(first.visit, input(), context('b2'));
    const cancelled = cancelBooking(first.booking, second.visit, T0);
    const bookings = [cancelled.booking, second.booking];
    const later = addMs(T0, 60_000);
    const moved = rescheduleVisit(cancelled.visit, { startsAt: addMs(startsAt, DAY), reason: '书记临时出差', slotMinutes: 30 }, { staff: leader, now: later, clock });
    expect(slotOf(moved, second.booking.ticket)).toEqual({ from: addMs(startsAt, DAY + 30 * 60_000), to: addMs(startsAt, DAY + 60 * 60_000) });
    expect(visitChangeNotices(moved, bookings, later)).toEqual([{ ticket: 2, change: 'rescheduled', visitChange: 0 }]);
    const text = bookingMessageOf('rescheduled', second.booking, moved, 'code', 0).text;
    expect(text).toContain('2026-09-07 08:30');
    expect(text).toContain('书记临时出差');
    expect(text).not.toContain('code');

    const laterStill = addMs(later, 60_000);
    const off = cancelVisit(moved, { reason: '防汛' }, { staff: leader, now: laterStill, clock });
    // Only the changes since the time asked for: the reschedule was told already.
    expect(visitChangeNotices(off, bookings, laterStill)).toEqual([{ ticket: 2, change: 'visit_cancelled', visitChange: 1 }]);
    expect(visitChangeNotices(off, bookings, T0)).toHaveLength(2);
    expect(bookingMessageOf('visit_cancelled', second.booking, off, 'code', 1)).toMatchObject({ kind: 'booking_visit_cancelled', text: expect.stringContaining('防汛') });
  });
});
