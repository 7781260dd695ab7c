/**
 * Leaders' visits: announced to the public at once (POST /v1/visits, GET
 * /v1/visits), rescheduled or cancelled with the announcement updated, and
 * followed by their visit-day figures (GET /v1/visits/{id}/summary).
 */
import { randomUUID } from 'node:crypto';
import { bookingFigures, placesLeft } from '../domain/bookings.ts';
import { visitSummaryOf } from '../domain/figures.ts';
import { conflict, invalid } from '../domain/problem.ts';
import type { Staff } from '../domain/staff.ts';
import { announceVisit, cancellationSchema, cancelVisit, rescheduleSchema, rescheduleVisit, visitSchema, type Visit } from '../domain/visits.ts';
import { config } from '../shared/config.ts';
import { httpHandler, parseWith, requireStaff, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { bookingsOfVisit } from '../store/bookings.ts';
import { readVisitFigures } from '../store/figures.ts';
import { getRegion } from '../store/reference.ts';
import { getVisit, listVisits, saveVisit } from '../store/visits.ts';
import { visitInScope } from '../services/scope.ts';
import { tellVisitChanges } from '../services/visit-change-notices.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { now } from '../shared/clock.ts';
import { visitsQuery } from './queries.ts';

/** What the public sees of a visit: the announcement and its changes, not which staff member made them. */
function announcement(visit: Visit) {
  const { announcedBy: _by, version: _version, booked: _booked, tickets: _tickets, changes, ...shown } = visit;
  const left = placesLeft(visit);
  return { ...shown, changes: changes.map(({ by: _changedBy, ...change }) => change), ...(left !== null && { placesLeft: left }) };
}

const acting = (staff: Staff) => ({ staff, now: now(), clock: config.clock });

async function announce(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const input = request.body(visitSchema);
  if (!(await getRegion(input.regionCode))) throw invalid('The visit names a region that does not exist.', [{ path: 'regionCode', message: `there is no region ${input.regionCode}` }]);
  const visit = announceVisit(input, randomUUID(), acting(staff));
  if (!(await saveVisit(visit))) throw new Error(`visit id ${visit.id} already taken`);
  return { status: 201, headers: { location: `/v1/visits/${visit.id}` }, body: announcement(visit) };
}

/** A reschedule or a cancellation, saved, then told to each booking that stands; a send that fails here is made up by the hourly reminders' run. */
async function change(request: ApiRequest, apply: (visit: Visit, staff: Staff) => Visit): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const visit = await visitInScope(staff, request.params.id ?? '');
  const changed = apply(visit, staff);
  if (!(await saveVisit(changed, visit))) throw conflict('The visit changed meanwhile: read it again and decide anew.');
  const made = changed.changes.at(-1)!;
  try {
    await tellVisitChanges(changed, made.at);
  } catch (error) {
    logger.error('visit change not yet told to its bookings: the reminders run tells them', { visitId: changed.id, error: errorSummary(error) });
  }
  return { status: 200, body: announcement(changed) };
}

/** GET /v1/visits?regionCode=&from=: announced visits of a region and below, soonest first; no login. */
async function list(request: ApiRequest): Promise<ApiAnswer> {
  const { regionCode, from, limit, cursor } = parseWith(visitsQuery, request.query, 'query');
  const since = from ? new Date(from).toISOString() : now();
  const page = await listVisits(regionCode, since, limit, cursor);
  // The index holds the announcement; the places left are on the visit item, counted by each booking.
  const visits = await Promise.all(page.items.map(async (listed) => (await getVisit(listed.id)) ?? listed));
  return { status: 200, body: { items: visits.map(announcement), nextCursor: page.nextCursor } };
}

async function summary(request: ApiRequest): Promise<ApiAnswer> {
  const visit = await visitInScope(requireStaff(request), request.params.id ?? '');
  const [counters, bookings] = await Promise.all([readVisitFigures(visit.id), bookingsOfVisit(visit.id)]);
  return { status: 200, body: { visitId: visit.id, ...visitSummaryOf(counters), ...bookingFigures(bookings, visit, now()) } };
}

export const handler = httpHandler(async (request) => {
  switch (request.route) {
    case 'POST /v1/visits':
      return announce(request);
    case 'GET /v1/visits':
      return list(request);
    case 'POST /v1/visits/{id}/reschedule':
      return change(request, (visit, staff) => rescheduleVisit(visit, request.body(rescheduleSchema), acting(staff)));
    case 'POST /v1/visits/{id}/cancellation':
      return change(request, (visit, staff) => cancelVisit(visit, request.body(cancellationSchema), acting(staff)));
    case 'GET /v1/visits/{id}/summary':
      return summary(request);
    default:
      throw new Error(`visits has no route ${request.route}`);
  }
});
