/**
 * What the routes answer, as zod schemas: they describe the answers in the
 * API document (lib/openapi.ts), and the tests hold every answer the suites
 * receive to them (test/support/api-contract.ts). Objects are open (fields
 * may be added without breaking a client); what is listed is always there.
 */
import { ATTACHMENT_TYPES } from '../domain/attachments.ts';
import { BOOKING_STATUSES } from '../domain/bookings.ts';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '../domain/petitioner-messages.ts';
import { CASE_STATUSES, RATINGS, RECEPTION_OUTCOMES } from '../domain/case.ts';
import { TARGET_STATES } from '../domain/hard-cases.ts';
import { CHANNELS } from '../domain/intake.ts';
import { NOTICE_KINDS } from '../domain/ladder.ts';
import { REGION_LEVELS } from '../domain/regions.ts';
import { REPORT_KINDS } from '../domain/reports.ts';
import { ROLES } from '../domain/staff.ts';
import * as z from '../domain/zod.ts';

const nullable = <T extends z.core.SomeType>(schema: T) => z.nullable(schema);
const instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/, 'an ISO-8601 UTC date and time'));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD'));
const count = z.number().check(z.int(), z.minimum(0));
const rate = nullable(z.number().check(z.minimum(0), z.maximum(1)));
const status = z.enum(CASE_STATUSES);
const level = z.enum(REGION_LEVELS);
/** A case number, `330726-2026-000123`: county, year, sequence (see functions/domain/case-number.ts). */
const caseNumber = z.string().check(z.regex(/^\d{6}-\d{4}-\d{6,}$/, 'a case number, county-year-sequence'));
/** Cases taken in before 1.1 have none. */
const caseNumberOrNull = nullable(caseNumber);

/** A page of a list: pass `nextCursor` back as `?cursor=` for the next page; `null` on the last. */
export const page = <T extends z.core.SomeType>(item: T) => z.looseObject({ items: z.array(item), nextCursor: nullable(z.string()) });

/** An RFC 9457 problem document, with the fields at fault. */
export const problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  errors: z.array(z.looseObject({ path: z.string(), message: z.string() })),
});

/** What API Gateway answers itself (401 on a staff route without a valid token, 429 beyond the throttle, 404 for a route it does not have). */
export const gatewayMessage = z.looseObject({ message: z.string() });

export const health = z.looseObject({ status: z.literal('ok') });

/** A year of the statutory calendar; `loaded: false` for a year nobody loaded (weekends only). */
export const calendarYear = z.looseObject({
  year: count,
  daysOff: z.array(z.looseObject({ date: day, name: z.string() })),
  workdays: z.array(day),
  loaded: z.boolean(),
});

export const region = z.looseObject({ code: z.string(), name: z.string(), level, population: count });
/** A category, with the department that handles it (`null` where no one department does). */
export const category = z.looseObject({ code: z.string(), name: z.string(), department: nullable(z.string()) });

/** 201: the case is registered; the access code is shown once. */
export const submitted = z.looseObject({ id: z.string(), caseNumber, accessCode: z.string(), status, receivedAt: instant, acceptanceDueAt: instant });
/** 200: the same matter is open already; it was joined, nothing new was created. */
export const repeated = z.looseObject({ id: z.string(), repeat: z.literal(true), status });

/** 200: the petitioner's urge (催办) is recorded; the next is allowed from `nextAllowedAt`. */
export const urged = z.looseObject({ urgedAt: instant, nextAllowedAt: instant });

/** A client app just registered, with its API key: shown this once. */
export const clientApp = z.looseObject({ id: z.string(), name: z.string(), apiKey: z.string() });

/** What the petitioner sees of their case: no personal data, no internal notes. */
export const progress = z.looseObject({
  id: z.string(),
  caseNumber: caseNumberOrNull,
  status,
  level: nullable(level),
  dueAt: nullable(instant),
  timeline: z.array(z.looseObject({ at: instant, event: z.string(), note: z.string() })),
  /** The files the petitioner sees (GET /v1/cases/{id}/progress only; the attachments' list has their download URLs). */
  attachments: z.optional(z.array(z.looseObject({ id: z.string(), fileName: z.string(), contentType: z.string(), size: count, by: z.string(), at: instant }))),
});

/** A verification started: the code is on its way by SMS. */
export const verificationStarted = z.looseObject({ verificationId: z.string(), expiresAt: instant });

/** An access recovery taken: nothing about the cases, no code (they go by SMS). */
export const recoveryAccepted = z.looseObject({});

/** A message sent (or to be sent) to the petitioner about their case. */
export const petitionerMessage = z.looseObject({ at: instant, kind: z.enum(MESSAGE_KINDS), text: z.string(), status: z.enum(MESSAGE_STATUSES) });

const answer = z.looseObject({ opinion: z.string(), at: instant, by: z.string() });
const leader = z.looseObject({ name: z.string(), title: z.string() });

/** The whole case as staff see it; with its history where it is fetched alone. */
export const staffCase = z.looseObject({
  id: z.string(),
  caseNumber: caseNumberOrNull,
  channel: z.enum(CHANNELS),
  category: z.string(),
  title: z.string(),
  content: z.string(),
  regionCode: z.string(),
  headcount: count,
  petitioners: z.array(z.looseObject({ name: z.string(), phone: z.optional(z.string()), idNumber: z.optional(z.string()) })),
  status,
  office: nullable(z.string()),
  leadUnit: nullable(z.string()),
  coUnits: z.array(z.string()),
  responsibleLeader: nullable(z.string()),
  level: nullable(level),
  dueAt: nullable(instant),
  repeatCount: count,
  reply: nullable(answer),
  evaluations: z.array(z.looseObject({ rating: z.enum(RATINGS), at: instant })),
  version: count,
  history: z.optional(z.array(z.looseObject({ at: instant, actor: z.string(), action: z.string(), detail: z.unknown() }))),
  /** The owning leader of a hard case (包案), the plan and the target day; `finishedAt` once the case finished. */
  ownership: nullable(z.looseObject({ leader, plan: z.string(), targetDate: day, unit: z.string(), at: instant, by: z.string(), finishedAt: nullable(instant) })),
  /** The open case of the same matter an unproven caller's submission may repeat: staff may merge it (POST /v1/cases/{id}/merge). */
  possibleRepeatOf: z.optional(nullable(z.string())),
  /** The matter group it is in (docs/MATTERS.md), where it is fetched alone. */
  matterGroup: z.optional(nullable(z.looseObject({ id: z.string(), size: count }))),
  /** The co-handling tasks (协办), in order: open until `opinion` or `closure`. */
  coHandling: z.optional(
    z.array(
      z.looseObject({
        id: z.string(),
        unit: z.string(),
        request: z.string(),
        askedAt: instant,
        dueAt: instant,
        supervisedAt: nullable(instant),
        opinion: nullable(answer),
        closure: nullable(z.looseObject({ reason: z.string(), at: instant, by: z.string() })),
      }),
    ),
  ),
});

/** 201: the co-handling task asked for, and its deadline. */
export const coHandlingTask = z.looseObject({ taskId: z.string(), dueAt: instant });

/** One case of a worklist. */
export const worklistEntry = z.looseObject({
  id: z.string(),
  status,
  category: z.string(),
  title: z.string(),
  regionCode: z.string(),
  receivedAt: instant,
  level: nullable(z.string()),
  office: nullable(z.string()),
  leadUnit: nullable(z.string()),
  deadline: nullable(instant),
});

/**
 * A hard case (包案) of GET /v1/hard-cases: a candidate (`candidates=true`:
 * with `daysOpen` and `deadline`, and its owner if it has one), or an owned
 * case of the responsibility list (with `plan`, `target` and `progress`).
 */
export const hardCaseEntry = z.looseObject({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  regionCode: z.string(),
  status,
  level: nullable(level),
  receivedAt: instant,
  escalationCount: count,
  office: nullable(z.string()),
  leadUnit: nullable(z.string()),
  owner: nullable(leader),
  targetDate: nullable(day),
  daysOpen: z.optional(count),
  deadline: z.optional(nullable(instant)),
  plan: z.optional(z.string()),
  ownedAt: z.optional(instant),
  finishedAt: z.optional(nullable(instant)),
  /** Whether the target is kept: finished by the target day (`kept`), not (`missed`), or open with the day to come (`open`). */
  target: z.optional(z.enum(TARGET_STATES)),
  /** The latest staff actions, newest first. */
  progress: z.optional(z.array(z.looseObject({ at: instant, actor: z.string(), action: z.string() }))),
});

/** A matter group (举一反三): its members are the case ids in the caller's scope. */
export const matterGroup = z.looseObject({
  id: z.string(),
  regionCode: z.string(),
  category: z.string(),
  title: z.string(),
  size: count,
  firstReceivedAt: instant,
  lastReceivedAt: instant,
  members: z.array(z.string()),
});

/** What one reply to a group did. */
export const groupReply = z.looseObject({
  groupId: z.string(),
  answered: z.array(z.string()),
  /** Members whose reply is a handler's draft awaiting the lead unit's leader (`replySignOff`). */
  drafted: z.array(z.string()),
  unanswered: z.array(z.looseObject({ caseId: z.string(), reason: z.string() })),
});


export const notice = z.looseObject({
  kind: z.enum(NOTICE_KINDS),
  caseId: z.string(),
  level: nullable(level),
  deadline: nullable(instant),
  to: z.array(z.looseObject({ unit: z.string(), role: z.enum(ROLES) })),
  at: instant,
  /** The owning leader (包案) a repeat on an owned matter is told to (`kind: repeat`). */
  owner: z.optional(leader),
});

const counts = z.record(z.string(), count);
/** The figures of a range or a period. */
const figures = z.looseObject({
  received: count,
  byChannel: counts,
  byCategory: counts,
  byStatus: counts,
  repeat: count,
  collective: count,
  overLevel: count,
  returned: count,
  returnedByUnit: counts,
  paused: count,
  idle: count,
  hardCases: count,
  urges: count,
  coHandlingOverdue: count,
  timelyAcceptanceRate: rate,
  onTimeClosureRate: rate,
  satisfactionRate: rate,
});
const figuresOfRange = <T extends z.core.SomeType>(shown: T) =>
  z.intersection(
    z.looseObject({ regionCode: z.string(), from: day, to: day, by: z.optional(z.enum(['week', 'month'])), periods: z.optional(z.array(z.intersection(z.looseObject({ start: day }), shown))) }),
    shown,
  );
export const stats = figuresOfRange(figures);

const withheld = nullable(count);
const withheldCounts = z.record(z.string(), withheld);
/** The public figures: counts that could single someone out are withheld (`null`), and `suppressed` says why. */
export const publicStats = figuresOfRange(
  z.looseObject({
    received: withheld,
    byChannel: withheldCounts,
    byCategory: withheldCounts,
    byStatus: withheldCounts,
    repeat: withheld,
    collective: withheld,
    overLevel: withheld,
    timelyAcceptanceRate: rate,
    onTimeClosureRate: rate,
    satisfactionRate: rate,
    suppressed: nullable(z.looseObject({ below: count, reason: z.string() })),
  }),
);

/** The largest matters of a unit or a period: what a leader should visit. */
export const matterSummary = z.looseObject({ id: z.string(), title: z.string(), category: z.string(), size: count, regionCode: z.string() });
export const hotspot = z.looseObject({
  code: z.string(),
  name: z.string(),
  volume: count,
  per10k: z.number(),
  overdue: count,
  repeat: count,
  urges: count,
  score: z.number(),
  matters: z.optional(z.array(matterSummary)),
});
export const hotspots = z.looseObject({ parentCode: z.string(), from: day, to: day, items: z.array(hotspot) });

/** A visit as announced to the public, with its changes. */
export const visit = z.looseObject({
  id: z.string(),
  leader: z.looseObject({ name: z.string(), title: z.string() }),
  regionCode: z.string(),
  startsAt: instant,
  venue: z.string(),
  departments: z.array(z.string()),
  status: z.enum(['announced', 'cancelled']),
  announcedAt: instant,
  changes: z.array(z.looseObject({ kind: z.enum(['rescheduled', 'cancelled']), at: instant, reason: z.string() })),
  capacity: z.optional(count),
  slotMinutes: z.optional(count),
  /** The places still free, on a visit that takes bookings. */
  placesLeft: z.optional(count),
});

const slot = z.looseObject({ from: instant, to: instant });

/** A booking as its petitioner is answered: the ticket and the slot. */
export const booking = z.looseObject({
  id: z.string(),
  visitId: z.string(),
  ticket: z.number().check(z.int(), z.minimum(1)),
  slot,
  persons: count,
  status: z.enum(BOOKING_STATUSES),
});

/** A booking as staff see it: no identity number, the phone masked. */
export const staffBooking = z.extend(booking, {
  category: z.string(),
  summary: z.string(),
  phone: z.string().check(z.regex(/^\d{3}\*{4}\d{4}$/, 'a masked mobile number')),
  bookedAt: instant,
  cancelledAt: nullable(instant),
});

export const visitSummary = z.looseObject({
  visitId: z.string(),
  batches: count,
  persons: count,
  resolvedOnSpot: count,
  assigned: count,
  determined: count,
  assignedClosed: count,
  assignedOnTime: count,
  assignedOverdue: count,
  /** Bookings standing, and those among them nobody recorded a reception for once the visit began. */
  booked: count,
  noShow: count,
});

/** 201: a batch received at a visit, registered as a case; the access code is shown once. */
export const reception = z.looseObject({
  id: z.string(),
  caseNumber,
  accessCode: z.string(),
  visitId: z.string(),
  outcome: z.enum(RECEPTION_OUTCOMES),
  status,
});

const period = z.looseObject({ from: day, to: day });
const hardCase = z.looseObject({ id: z.string(), title: z.string(), status: z.string(), receivedAt: instant, daysOpen: count, escalationCount: count });
export const report = z.looseObject({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: level,
  period,
  previousPeriod: period,
  generatedAt: instant,
  figures,
  previousFigures: figures,
  volumeChange: nullable(z.number()),
  trend: z.array(z.looseObject({ start: day, received: count })),
  hotspots: z.array(hotspot),
  hardCases: z.looseObject({ longestOpen: z.array(hardCase), mostEscalated: z.array(hardCase) }),
  matters: z.optional(z.array(matterSummary)),
});

/** A report as listed: what names it, not its figures. */
export const reportListing = z.looseObject({ id: z.string(), kind: z.enum(REPORT_KINDS), regionCode: z.string(), regionName: z.string(), period, generatedAt: instant });

/** 201: where to upload a declared file, and until when. */
export const attachmentUpload = z.looseObject({ id: z.string(), uploadUrl: z.string(), uploadHeaders: z.record(z.string(), z.string()), expiresAt: instant });
/** An available file of a case, with a URL to download it valid 5 minutes. */
export const attachment = z.looseObject({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: count,
  by: z.enum(['petitioner', 'staff']),
  public: z.boolean(),
  at: instant,
  downloadUrl: z.string(),
});
export const attachments = z.looseObject({ items: z.array(attachment) });
