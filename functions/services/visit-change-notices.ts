import { visitChangeNotices } from '../domain/bookings.ts';
import type { Visit } from '../domain/visits.ts';
import { petitionerMessageSender } from '../queues/petitioner-messages.ts';
import { bookingsOfVisit } from '../store/bookings.ts';

const sendMessages = petitionerMessageSender();

/**
 * Tells every petitioner with a booking standing at `visit` of its changes
 * made at or after `since` (a reschedule, a cancellation). The sender sends
 * each notice once, so telling again (a retry, the hourly run after a send
 * that failed) sends nothing twice. Answers how many notices were queued.
 */
export async function tellVisitChanges(visit: Visit, since: string): Promise<number> {
  if (!visit.changes.some((change) => change.at >= since)) return 0;
  const notices = visitChangeNotices(visit, await bookingsOfVisit(visit.id), since);
  await sendMessages(notices.map((notice) => ({ kind: 'booking-message', visitId: visit.id, ...notice })));
  return notices.length;
}
