import { randomUUID } from 'node:crypto';
import { hashAccessCode, newAccessCode } from '../domain/access-code.ts';
import type { Case } from '../domain/case.ts';
import { invalid } from '../domain/problem.ts';
import { decideRouting } from '../domain/routing.ts';
import { receiveAtVisit, receptionSchema } from '../domain/visits.ts';
import { calendarClock } from '../services/calendar-clock.ts';
import { httpHandler, requireStaff } from '../shared/http.ts';
import { logger } from '../shared/logger.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { earlierAnswer, replayStored, requestHashOf } from '../services/idempotency.ts';
import { caseReferences } from '../services/references.ts';
import { getBooking, linkReception } from '../store/bookings.ts';
import { createCase } from '../store/cases.ts';
import type { FirstAnswer } from '../store/idempotency.ts';
import { visitInScope } from '../services/scope.ts';
import { now } from '../shared/clock.ts';
import { idempotencyKeyOf } from './queries.ts';

const answerOf = (first: FirstAnswer) => ({ status: first.status, body: first.body, ...(first.location && { headers: { location: first.location } }) });

/**
 * POST /v1/visits/{id}/receptions: one batch of petitioners received at a
 * visit, registered as a case in its outcome's state, in one transaction.
 * Honours Idempotency-Key: a visit day's network is not always good.
 */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const idempotencyKey = idempotencyKeyOf(request);
  const visit = await visitInScope(staff, request.params.id ?? '');
  const input = request.body(receptionSchema);
  const requestHash = requestHashOf(staff.sub, { visit: visit.id, ...input });
  const earlier = await earlierAnswer(idempotencyKey, requestHash);
  if (earlier) return answerOf(earlier);

  const booking = input.bookingId === undefined ? undefined : await getBooking(visit.id, input.bookingId);
  if (input.bookingId !== undefined && booking?.status !== 'booked') {
    throw invalid('The reception names a booking this visit does not hold.', [{ path: 'bookingId', message: `there is no standing booking ${input.bookingId} at this visit` }]);
  }

  const { chain, category } = await caseReferences(
    { ...input, units: input.leadUnit ? [['leadUnit', input.leadUnit]] : [] },
    'The reception names reference data that does not exist.',
  );

  const accessCode = newAccessCode();
  const at = now();
  const received = receiveAtVisit(visit, input, {
    id: randomUUID(),
    staff,
    now: at,
    clock: await calendarClock(at),
    accessCodeHash: hashAccessCode(accessCode),
    // Brought to the leader at the visit, not to a level: no over-level petition.
    routing: decideRouting({ addressedTo: null }, chain, category),
    fingerprintKey: deploymentKeys().fingerprint,
  });
  const answerFor = (numbered: Case): FirstAnswer => ({
    requestHash,
    status: 201,
    location: `/v1/cases/${numbered.id}`,
    body: { id: numbered.id, caseNumber: numbered.caseNumber, accessCode, visitId: visit.id, outcome: input.outcome, status: numbered.status, ...(booking && { bookingId: booking.id }) },
  });
  const creation = await createCase(received.case, received.entries, idempotencyKey ? (numbered) => ({ idempotencyKey, answer: answerFor(numbered) }) : undefined);
  // Refused for an answer kept already: only a request with a key keeps one.
  if (creation.outcome === 'answered') return answerOf(await replayStored(idempotencyKey as string, requestHash));
  if (creation.outcome !== 'created') throw new Error(`case ${received.case.id}: a case taken at a visit holds no matter, yet was a repeat`);
  if (booking) await linkReception(booking, creation.case.id);
  logger.info('reception recorded', { caseId: received.case.id, visitId: visit.id, outcome: input.outcome });
  return answerOf(answerFor(creation.case));
});
