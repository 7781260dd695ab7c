/**
 * Booking for leaders' visits (预约接访) on the emulators: a verified phone
 * books a ticket and a slot, is told by SMS with the booking code, cancels
 * with it; one booking per phone, full is 409, two bookings racing for the
 * last place give one; the staff list masks phones; a reminder a day ahead,
 * once; receptions linked to bookings, and the summary's booked and noShow.
 * The clock is compressed (TIME_SCALE=864000: a policy day is 0.1 s).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Phone verification required (the default policy), and a compressed clock for the notice and the reminder's day.
  process.env.POLICY = '{}';
  process.env.TIME_SCALE = '864000';
});
import { chinaTime } from '../../functions/domain/calendar.ts';
import { addMs } from '../../functions/domain/policy.ts';
import { cancelVisit } from '../../functions/domain/visits.ts';
import { getVisit, saveVisit } from '../../functions/store/visits.ts';
import { remindBookings, reminderIntervalMs } from '../../functions/services/booking-reminders.ts';
import { config } from '../../functions/shared/config.ts';
import { bearer, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let leader: string;
beforeAll(async () => {
  leader = await system.token('330726', 'leader');
});

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => system.call(method, path, { body, headers });

/** Delivers what the petitioner-message queue holds, as its consumer would. */
async function deliver(): Promise<void> {
  for (;;) {
    const messages = await system.receive('petitionerMessage', 10, 1);
    if (messages.length === 0) return;
    await system.consume('petitionerMessage', messages);
  }
}

let phones = 0;
const newPhone = () => `1370000${String(phones++).padStart(4, '0')}`;

async function verified(phone: string): Promise<{ id: string; code: string }> {
  const started = await call('POST', '/v1/verifications', { phone });
  expect(started.status).toBe(202);
  await deliver();
  const code = /\d{6}/.exec((await system.outbox(phone)).filter((sms) => sms.kind === 'verification').at(-1)?.text ?? '')?.[0];
  if (!code) throw new Error('no code was sent');
  return { id: started.body.verificationId, code };
}

const request = (phone: string, verification: unknown, persons = 1) => ({ phone, verification, category: 'housing', summary: '安置房墙体开裂，多次反映未果', persons });

async function announce(startsAt: string, capacity: number) {
  const announced = await call(
    'POST',
    '/v1/visits',
    { leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt, venue: '浦江县信访局接待大厅', departments: ['330726:housing'], capacity, slotMinutes: 20 },
    bearer(leader),
  );
  expect(announced.status).toBe(201);
  return announced.body.id as string;
}

const bookingCodeOf = async (phone: string) => /\d{8}/.exec((await system.outbox(phone)).find((sms) => sms.kind === 'booking_confirmed')?.text ?? '')?.[0] as string;

describe('booking a visit', () => {
  it('books, confirms, refuses, races, lists, cancels, reminds and counts', async () => {
    const startsAt = new Date(Date.now() + 15_000).toISOString();
    const visitId = await announce(startsAt, 4);
    const placesLeft = async () => (await call('GET', `/v1/visits?regionCode=330726&from=${addMs(startsAt, -60_000)}`)).body.items.find((v: { id: string }) => v.id === visitId).placesLeft;
    expect(await placesLeft()).toBe(4);

    // A first booking: ticket 1, the first slot, and an SMS with the booking code.
    const first = newPhone();
    const proof = await verified(first);
    const booked = await call('POST', `/v1/visits/${visitId}/bookings`, request(first, proof, 2));
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ visitId, ticket: 1, slot: { from: startsAt, to: addMs(startsAt, 20 * 60_000) }, persons: 2, status: 'booked' });
    await deliver();
    const code = await bookingCodeOf(first);
    expect(code).toMatch(/^\d{8}$/);
    expect(await placesLeft()).toBe(2);

    // The same request again answers the same booking (and sends nothing new); another one from the phone is refused.
    const again = await call('POST', `/v1/visits/${visitId}/bookings`, request(first, proof, 2));
    expect([again.status, again.body.id]).toEqual([201, booked.body.id]);
    await deliver();
    expect((await system.outbox(first)).filter((sms) => sms.kind === 'booking_confirmed')).toHaveLength(1);
    expect((await call('POST', `/v1/visits/${visitId}/bookings`, request(first, proof, 1))).status).toBe(409);

    // Bad input and a wrong verification change nothing.
    const second = newPhone();
    const secondProof = await verified(second);
    expect((await call('POST', `/v1/visits/${visitId}/bookings`, request(second, secondProof, 0))).status).toBe(400);
    expect((await call('POST', `/v1/visits/${visitId}/bookings`, request(second, { id: secondProof.id, code: secondProof.code === '000000' ? '111111' : '000000' }))).status).toBe(400);
    expect((await call('POST', `/v1/visits/nope/bookings`, request(second, secondProof))).status).toBe(404);
    expect((await call('POST', `/v1/visits/${visitId}/bookings`, request(second, secondProof, 3))).status).toBe(409);
    const secondBooked = await call('POST', `/v1/visits/${visitId}/bookings`, request(second, secondProof, 1));
    expect(secondBooked.status).toBe(201);

    // Two phones race for the last place: one wins.
    const racers = [newPhone(), newPhone()];
    const proofs = [await verified(racers[0]!), await verified(racers[1]!)];
    const race = await Promise.all(racers.map((phone, i) => call('POST', `/v1/visits/${visitId}/bookings`, request(phone, proofs[i]))));
    expect(race.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await placesLeft()).toBe(0);
    await deliver();

    // Staff see the bookings by ticket, phones masked, no identity number; the public may not list them.
    const listed = await call('GET', `/v1/visits/${visitId}/bookings?limit=2`, undefined, bearer(leader));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((b: { ticket: number }) => b.ticket)).toEqual([1, 2]);
    expect(listed.body.items[0]).toMatchObject({ phone: `${first.slice(0, 3)}****${first.slice(-4)}`, category: 'housing', persons: 2 });
    expect(JSON.stringify(listed.body)).not.toMatch(/phoneHash|idNumber|13700000/);
    const rest = await call('GET', `/v1/visits/${visitId}/bookings?limit=2&cursor=${encodeURIComponent(listed.body.nextCursor)}`, undefined, bearer(leader));
    expect(rest.body.items.map((b: { ticket: number }) => b.ticket)).toEqual([3]);
    expect((await call('GET', `/v1/visits/${visitId}/bookings`)).status).toBe(401);

    // Cancellation: a wrong code answers as an unknown booking; the right one frees the places, once.
    const cancellation = (id: string, bookingCode: string) => call('POST', `/v1/visits/${visitId}/bookings/${id}/cancellation`, undefined, { 'x-booking-code': bookingCode });
    const wrong = code === '00000000' ? '11111111' : '00000000';
    expect((await cancellation(booked.body.id, wrong)).status).toBe(404);
    expect((await cancellation('unknown', code)).status).toBe(404);
    expect((await cancellation(booked.body.id, 'abc')).status).toBe(400);
    const cancelled = await cancellation(booked.body.id, code);
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    expect((await cancellation(booked.body.id, code)).status).toBe(200);
    await deliver();
    expect((await system.outbox(first)).filter((sms) => sms.kind === 'booking_cancelled')).toHaveLength(1);
    expect(await placesLeft()).toBe(2);

    // A day before the visit, the standing bookings are reminded, once however often the schedule runs.
    const dayBefore = addMs(startsAt, -config.clock.day + reminderIntervalMs() / 2);
    expect((await remindBookings({ now: dayBefore })).reminders).toBe(2);
    await remindBookings({ now: dayBefore });
    await deliver();
    expect((await system.outbox(second)).filter((sms) => sms.kind === 'booking_reminder')).toHaveLength(1);
    expect((await system.outbox(first)).filter((sms) => sms.kind === 'booking_reminder')).toHaveLength(0);

    // The visit day: the second phone's booking is received; the racer who won did not come.
    await sleep(Math.max(0, Date.parse(startsAt) - Date.now() + 50));
    const secondBooking = listed.body.items[1].id as string;
    const reception = {
      persons: 1, petitioner: { name: '李四', phone: second }, category: 'housing', title: '安置房墙体开裂', content: '安置房墙体开裂，多次反映未果',
      regionCode: '330726001001', outcome: 'resolved_on_spot', resolution: '当场协调物业维修',
    };
    expect((await call('POST', `/v1/visits/${visitId}/receptions`, { ...reception, bookingId: booked.body.id }, bearer(leader))).status).toBe(400);
    const received = await call('POST', `/v1/visits/${visitId}/receptions`, { ...reception, bookingId: secondBooking }, bearer(leader));
    expect([received.status, received.body.bookingId]).toEqual([201, secondBooking]);
    const summary = await call('GET', `/v1/visits/${visitId}/summary`, undefined, bearer(leader));
    expect(summary.body).toMatchObject({ batches: 1, booked: 2, noShow: 1 });
    // Bookings close when the visit starts.
    const late = newPhone();
    expect((await call('POST', `/v1/visits/${visitId}/bookings`, request(late, await verified(late)))).status).toBe(409);
  });

  it('tells each standing booking of a reschedule, with its new slot, and of a cancellation; the hourly run makes up a notice not sent, and sends none twice', async () => {
    const startsAt = new Date(Date.now() + 60_000).toISOString();
    const visitId = await announce(startsAt, 4);
    const [staying, leaving] = [newPhone(), newPhone()];
    const stayingBooked = await call('POST', `/v1/visits/${visitId}/bookings`, request(staying, await verified(staying)));
    const leavingBooked = await call('POST', `/v1/visits/${visitId}/bookings`, request(leaving, await verified(leaving)));
    expect([stayingBooked.body.ticket, leavingBooked.body.ticket]).toEqual([1, 2]);
    await deliver();
    expect((await call('POST', `/v1/visits/${visitId}/bookings/${leavingBooked.body.id}/cancellation`, undefined, { 'x-booking-code': await bookingCodeOf(leaving) })).status).toBe(200);
    await deliver();

    // Moved by an hour, with longer slots: the booking's slot moves with it, and its petitioner is told.
    const movedTo = addMs(startsAt, 3_600_000);
    const moved = await call('POST', `/v1/visits/${visitId}/reschedule`, { startsAt: movedTo, reason: '书记临时参加防汛会议', slotMinutes: 30 }, bearer(leader));
    expect(moved.status).toBe(200);
    await deliver();
    const told = (phone: string, kind: string) => system.outbox(phone).then((sent) => sent.filter((sms) => sms.kind === kind));
    const rescheduled = await told(staying, 'booking_rescheduled');
    expect(rescheduled).toHaveLength(1);
    expect(rescheduled[0]!.text).toContain('书记临时参加防汛会议');
    expect(rescheduled[0]!.text).toContain(chinaTime(movedTo).slice(0, 16));
    expect(await told(leaving, 'booking_rescheduled')).toEqual([]);
    const listed = await call('GET', `/v1/visits/${visitId}/bookings`, undefined, bearer(leader));
    expect(listed.body.items[0].slot).toEqual({ from: movedTo, to: addMs(movedTo, 30 * 60_000) });
    // The hourly run finds the change still fresh, and sends nothing twice.
    expect((await remindBookings({ now: moved.body.changes.at(-1).at })).changeNotices).toBe(1);
    await deliver();
    expect(await told(staying, 'booking_rescheduled')).toHaveLength(1);

    // A cancellation saved while its notices could not be sent: the hourly run tells them.
    const visit = (await getVisit(visitId))!;
    const cancelledAt = new Date().toISOString();
    const cancelled = cancelVisit(visit, { reason: '因暴雨取消' }, { staff: { sub: 'leader@330726', unit: '330726', roles: ['leader'] }, now: cancelledAt, clock: config.clock });
    expect(await saveVisit(cancelled, visit)).toBe(true);
    await deliver();
    expect(await told(staying, 'booking_visit_cancelled')).toEqual([]);
    await remindBookings({ now: cancelledAt });
    await deliver();
    expect(await told(staying, 'booking_visit_cancelled')).toEqual([expect.objectContaining({ text: expect.stringContaining('因暴雨取消') })]);
    expect(await told(leaving, 'booking_visit_cancelled')).toEqual([]);
  });

  it('takes no bookings at a visit without a capacity', async () => {
    const announced = await call(
      'POST',
      '/v1/visits',
      { leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt: new Date(Date.now() + 2_000).toISOString(), venue: '浦江县信访局', departments: [] },
      bearer(leader),
    );
    expect(announced.body).not.toHaveProperty('placesLeft');
    const phone = newPhone();
    expect((await call('POST', `/v1/visits/${announced.body.id}/bookings`, request(phone, await verified(phone)))).status).toBe(409);
  });
});
