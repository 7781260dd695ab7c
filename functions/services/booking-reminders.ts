import { needsReminder } from '../domain/bookings.ts';
import { addMs } from '../domain/policy.ts';
import { petitionerMessageSender, type BookingMessageRef } from '../queues/petitioner-messages.ts';
import { now as clockNow } from '../shared/clock.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { bookingsOfVisit } from '../store/bookings.ts';
import { childRegions } from '../store/reference.ts';
import { visitsStartingBetween } from '../store/visits.ts';
import { tellVisitChanges } from './visit-change-notices.ts';

const sendMessages = petitionerMessageSender();

/**
 * How often the reminders run: hourly in the legal clock's time (TIME_SCALE
 * shortens it as it shortens a day), but not more often than each second,
 * as the local runtime runs them (lib/local/runtime.ts).
 */
export const reminderIntervalMs = (): number => Math.max(1_000, config.clock.day / 24);

// How far ahead a visit's changes are looked for: a visit is announced at most this long before it.
const CHANGES_AHEAD_MS = 400 * 86_400_000;

/**
 * Sends the reminder of every booking of the visits that start a day from
 * now: those starting within two runs' time of that (a run missed is made
 * up by the next; the sender sends each reminder once). A booking made
 * within the last day before its visit had its confirmation: no reminder.
 * Then tells again the bookings of the visits yet to come of the changes
 * made within two runs' time: the visits function tells them at once, and
 * this makes up for a send that failed there (each is sent once).
 */
export async function remindBookings(options: { now?: string } = {}): Promise<{ visits: number; reminders: number; changeNotices: number }> {
  const now = options.now ?? clockNow();
  const lead = config.clock.day;
  const from = addMs(now, lead - 2 * reminderIntervalMs());
  const to = addMs(now, lead);
  const changedSince = addMs(now, -2 * reminderIntervalMs());
  let visits = 0;
  let reminders = 0;
  let changeNotices = 0;
  // One read of the visits to come holds both: those to remind, and those changed of late.
  const start = from < now ? from : now;
  for (const province of await childRegions(undefined)) {
    for await (const visit of visitsStartingBetween(province.code, start, addMs(now, CHANGES_AHEAD_MS))) {
      changeNotices += await tellVisitChanges(visit, changedSince);
      if (visit.startsAt < from || visit.startsAt >= to) continue;
      const due: BookingMessageRef[] = (await bookingsOfVisit(visit.id))
        .filter((booking) => needsReminder(booking, visit, lead))
        .map((booking) => ({ kind: 'booking-message', visitId: visit.id, ticket: booking.ticket, change: 'reminder' }));
      await sendMessages(due);
      visits += 1;
      reminders += due.length;
    }
  }
  logger.info('booking reminders sent', { visits, reminders, changeNotices });
  return { visits, reminders, changeNotices };
}
