/**
 * Leaders' visits (下访接访), the "Pujiang Experience": a leader goes down to a
 * locality on a day announced to the public in advance, with the responsible
 * departments, and receives petitioners face to face. Each batch received
 * becomes a case that ends, there and then, in one of three outcomes:
 * resolved on the spot, assigned (with a lead unit, a deadline and a named
 * responsible leader), or formally determined.
 */
import type { KeyObject } from 'node:crypto';
import { clockDue, next, registerCase, RECEPTION_OUTCOMES, type Case, type HistoryEntry } from './case.ts';
import { applyRouting, type Routing } from './routing.ts';
import { petitionerSchema } from './intake.ts';
import { addMs, deadlineAfter, type Clock } from './policy.ts';
import { conflict, invalid } from './problem.ts';
import { coversRegion, isOfficeStaff, requireRole, requireUnitsWithin, type Staff } from './staff.ts';
import { longText, regionCode, text, unitId } from './fields.ts';
import { idleAfter } from './idle.ts';
import { isRegionWithin, isUnitWithin } from './units.ts';
import * as z from './zod.ts';

const instant = z.string().check(z.refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 date and time'));

/** People a visit may book in all (预约接访), and the length of each booking's slot. */
const capacity = z.number().check(z.int(), z.minimum(1), z.maximum(500));
const slotMinutes = z.number().check(z.int(), z.minimum(5), z.maximum(240));

export const visitSchema = z.strictObject({
  leader: z.strictObject({ name: text(50), title: text(50) }),
  regionCode,
  startsAt: instant,
  venue: text(200),
  departments: z.array(unitId).check(z.maxLength(30)),
  capacity: z.optional(capacity),
  slotMinutes: z.optional(slotMinutes),
});
export type VisitInput = z.infer<typeof visitSchema>;

export const rescheduleSchema = z.strictObject({ startsAt: instant, venue: z.optional(text(200)), reason: text(500), capacity: z.optional(capacity), slotMinutes: z.optional(slotMinutes) });
export const cancellationSchema = z.strictObject({ reason: text(500) });

export interface VisitChange {
  kind: 'rescheduled' | 'cancelled';
  at: string;
  by: string;
  reason: string;
  /** What it was before a reschedule. */
  was?: { startsAt: string; venue: string };
}

/** A leader's visit as announced to the public. */
export interface Visit {
  id: string;
  leader: { name: string; title: string };
  regionCode: string;
  /** ISO-8601 UTC. */
  startsAt: string;
  venue: string;
  departments: string[];
  status: 'announced' | 'cancelled';
  announcedAt: string;
  announcedBy: string;
  changes: VisitChange[];
  version: number;
  /** Bookings: the people it may book in all (none: it takes no bookings), and each booking's slot length. */
  capacity?: number;
  slotMinutes?: number;
  /** People booked now (cancelled bookings give their places back), and the last ticket given. */
  booked?: number;
  tickets?: number;
}

/** How long a booking's slot is when the visit does not say. */
export const DEFAULT_SLOT_MINUTES = 15;

export interface ActingNow {
  staff: Staff;
  now: string;
  clock: Clock;
}

function requireOrganiser(staff: Staff, region: string, action: string): void {
  requireRole(staff, action, 'leader', 'clerk');
  if (!isOfficeStaff(staff) || !coversRegion(staff, region)) {
    throw invalid('A visit is organised by a petition office for its own region or one below it.', [
      { path: 'regionCode', message: `${region} is not within ${staff.unit}` },
    ]);
  }
}

/** Refuses a start time closer than the notice period: the public must be told in advance. */
function requireNotice(startsAt: string, { now, clock }: ActingNow): string {
  const earliest = addMs(now, clock.visitNotice);
  const normalized = new Date(startsAt).toISOString();
  if (normalized < earliest) {
    throw invalid('A visit must be announced to the public before it starts.', [
      { path: 'startsAt', message: `must be at or after ${earliest} (the notice period)` },
    ]);
  }
  return normalized;
}

/** Announces a visit to the public at once. */
export function announceVisit(input: VisitInput, id: string, acting: ActingNow): Visit {
  requireOrganiser(acting.staff, input.regionCode, 'announce a visit');
  requireUnitsWithin(
    acting.staff,
    input.departments.map((unit, i): [string, string] => [`departments.${i}`, unit]),
    'The departments must be of the organising office or below it.',
  );
  return {
    id,
    leader: input.leader,
    regionCode: input.regionCode,
    startsAt: requireNotice(input.startsAt, acting),
    venue: input.venue,
    departments: [...new Set(input.departments)],
    status: 'announced',
    announcedAt: acting.now,
    announcedBy: acting.staff.sub,
    changes: [],
    version: 1,
    ...(input.capacity !== undefined && { capacity: input.capacity, slotMinutes: input.slotMinutes ?? DEFAULT_SLOT_MINUTES, booked: 0, tickets: 0 }),
  };
}

function requireAnnouncedAhead(visit: Visit, now: string, action: string): void {
  if (visit.status !== 'announced') throw conflict(`The visit is ${visit.status}: it cannot ${action}.`);
  if (visit.startsAt <= now) throw conflict(`The visit has started: it cannot ${action}.`);
}

/** Moves a visit that has not started; the new time needs the same notice. */
export function rescheduleVisit(
  visit: Visit,
  input: { startsAt: string; venue?: string | undefined; reason: string; capacity?: number | undefined; slotMinutes?: number | undefined },
  acting: ActingNow,
): Visit {
  requireOrganiser(acting.staff, visit.regionCode, 'reschedule a visit');
  requireAnnouncedAhead(visit, acting.now, 'be rescheduled');
  const booked = visit.booked ?? 0;
  if (input.capacity !== undefined && input.capacity < booked) {
    throw invalid('The capacity cannot fall below the people booked already.', [{ path: 'capacity', message: `${booked} people are booked` }]);
  }
  const capacity = input.capacity ?? visit.capacity;
  const change: VisitChange = { kind: 'rescheduled', at: acting.now, by: acting.staff.sub, reason: input.reason, was: { startsAt: visit.startsAt, venue: visit.venue } };
  return {
    ...visit,
    startsAt: requireNotice(input.startsAt, acting),
    venue: input.venue ?? visit.venue,
    changes: [...visit.changes, change],
    version: visit.version + 1,
    ...(capacity !== undefined && { capacity, slotMinutes: input.slotMinutes ?? visit.slotMinutes ?? DEFAULT_SLOT_MINUTES, booked, tickets: visit.tickets ?? 0 }),
  };
}

/** Cancels a visit that has not started, with the reason the public is told. */
export function cancelVisit(visit: Visit, input: { reason: string }, acting: ActingNow): Visit {
  requireOrganiser(acting.staff, visit.regionCode, 'cancel a visit');
  requireAnnouncedAhead(visit, acting.now, 'be cancelled');
  return {
    ...visit,
    status: 'cancelled',
    changes: [...visit.changes, { kind: 'cancelled', at: acting.now, by: acting.staff.sub, reason: input.reason }],
    version: visit.version + 1,
  };
}

export const receptionSchema = z
  .strictObject({
    persons: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
    petitioner: petitionerSchema,
    category: z.string().check(z.minLength(1), z.maxLength(40)),
    title: text(200),
    content: longText(10_000),
    regionCode,
    outcome: z.enum(RECEPTION_OUTCOMES),
    leadUnit: z.optional(unitId),
    responsibleLeader: z.optional(text(100)),
    resolution: z.optional(longText(10_000)),
    /** The booking (预约) the petitioners came with, if they booked. */
    bookingId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  })
  .check(
    z.refine((r) => r.outcome !== 'assigned' || r.leadUnit !== undefined, { message: 'an assigned matter needs its lead unit', path: ['leadUnit'] }),
    z.refine((r) => r.outcome !== 'assigned' || r.responsibleLeader !== undefined, {
      message: 'an assigned matter needs its named responsible leader (落实责任制)',
      path: ['responsibleLeader'],
    }),
    z.refine((r) => r.outcome === 'assigned' || r.resolution !== undefined, {
      message: 'say how it was resolved on the spot, or what was determined',
      path: ['resolution'],
    }),
  );
export type ReceptionInput = z.infer<typeof receptionSchema>;

export interface ReceptionContext extends ActingNow {
  id: string;
  accessCodeHash: string;
  routing: Routing;
  /** Keys the matter fingerprint: see {@link registerCase}. */
  fingerprintKey: KeyObject;
}

const OUTCOME_NOTES = {
  resolved_on_spot: (input: ReceptionInput) => `领导接访当场解决：${input.resolution}`,
  assigned: (input: ReceptionInput) => `领导接访交办，由${input.leadUnit}承办，${input.responsibleLeader}负责，将在法定期限内答复。`,
  determined: (input: ReceptionInput) => `领导接访定性处理意见：${input.resolution}`,
} as const;

/**
 * One batch of petitioners received at a visit: a case with channel
 * `leader_visit`, routed there and then, and already in its outcome's state:
 * closed with the resolution as its reply (awaiting the petitioner's rating),
 * accepted with its handling clock running, or replied with the determination
 * (the review window open). It does not take the petitioners' matter: the
 * leader decided it on the spot.
 */
export function receiveAtVisit(visit: Visit, input: ReceptionInput, context: ReceptionContext): { case: Case; entries: HistoryEntry[] } {
  const { staff, now, clock } = context;
  requireRole(staff, 'record a reception', 'leader', 'clerk');
  if (visit.status !== 'announced') throw conflict(`The visit is ${visit.status}: it receives no one.`);
  if (now < visit.startsAt) throw conflict('The visit has not started yet.');
  if (!isRegionWithin(input.regionCode, visit.regionCode)) {
    throw invalid('A visit receives the matters of its own region.', [{ path: 'regionCode', message: `${input.regionCode} is not within ${visit.regionCode}` }]);
  }
  if (input.leadUnit !== undefined && !isUnitWithin(input.leadUnit, visit.regionCode)) {
    throw invalid("The lead unit must be of the visit's region.", [{ path: 'leadUnit', message: `${input.leadUnit} is not within ${visit.regionCode}` }]);
  }
  const registered = registerCase(
    {
      channel: 'leader_visit',
      category: input.category,
      title: input.title,
      content: input.content,
      regionCode: input.regionCode,
      headcount: input.persons,
      petitioner: input.petitioner,
    },
    { id: context.id, now, clock, accessCodeHash: context.accessCodeHash, routingRetryMs: 0, actor: staff.sub, fingerprintKey: context.fingerprintKey },
  );
  const routed = applyRouting({ ...registered.case, holdsMatter: false }, context.routing, now, clock)!;
  const acceptance = { decision: 'accept' as const, at: now, by: staff.sub, reason: null, forwardTo: null };
  const answer = input.resolution === undefined ? null : { opinion: input.resolution, at: now, by: staff.sub };
  const visitLink = { id: visit.id, regionCode: visit.regionCode, outcome: input.outcome };
  const handlingDueAt = input.outcome === 'assigned' ? deadlineAfter(now, 'handling', clock) : now;
  const leadUnit = input.leadUnit ?? routed.case.proposedLeadUnit;
  const outcome = next(
    routed.case,
    {
      visit: visitLink,
      acceptance,
      leadUnit,
      responsibleLeader: input.responsibleLeader ?? null,
      handlingDueAt,
      reply: answer,
      ...(input.outcome === 'resolved_on_spot' && { status: 'closed' as const, due: null }),
      ...(input.outcome === 'assigned' && { status: 'accepted' as const, due: clockDue('handling', handlingDueAt, now, clock) }),
      ...(input.outcome === 'determined' && { status: 'replied' as const, due: { stage: 'reviewWindow' as const, at: deadlineAfter(now, 'reviewRequestWindow', clock) } }),
    },
    {
      at: now,
      actor: staff.sub,
      action: input.outcome,
      detail: { visitId: visit.id, leadUnit, responsibleLeader: input.responsibleLeader ?? null, persons: input.persons },
      timeline: { event: input.outcome, note: OUTCOME_NOTES[input.outcome](input) },
    },
  );
  // An assigned matter's handling clock starts here, and with it its idle clock.
  return { case: { ...outcome.case, idleAt: idleAfter(outcome.case, now, clock) }, entries: [registered.entry, routed.entry, outcome.entry] };
}
