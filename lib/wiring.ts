/**
 * The one definition of the system's wiring: functions, routes, queues and
 * their consumers, schedules, and the table. The CDK stack and the local
 * runtime are both built from it, so what runs locally is what deploys.
 * Each route carries its documentation (summary, query, body with an example,
 * answers), from which lib/openapi.ts makes the API document.
 * Plain data: no AWS construct is imported here.
 */
import * as answers from '../functions/api/answers.ts';
import { calendarQuery, calendarYearBody, compileReportBody, hardCasesQuery, hotspotsQuery, matterGroupsQuery, pageQuery, publicStatsQuery, regionsQuery, reportsQuery, statsQuery, visitsQuery, worklistQuery } from '../functions/api/queries.ts';
import { attachmentDeclarationSchema } from '../functions/domain/attachments.ts';
import { clientAppSchema } from '../functions/domain/client-apps.ts';
import { ownershipSchema } from '../functions/domain/hard-cases.ts';
import { submissionSchema } from '../functions/domain/intake.ts';
import { urgeSchema } from '../functions/domain/urging.ts';
import { acceptanceSchema, evaluationSchema, extensionSchema, replySchema, reviewOpinionSchema, reviewRequestSchema } from '../functions/domain/lifecycle.ts';
import { memberSchema } from '../functions/domain/matter-groups.ts';
import { reassignmentSchema, receiptSchema } from '../functions/domain/receipt.ts';
import { extensionApprovalSchema, replyApprovalSchema } from '../functions/domain/sign-off.ts';
import { pauseApprovalSchema, pauseEndSchema, pauseRequestSchema } from '../functions/domain/pauses.ts';
import { coHandlingClosureSchema, coHandlingOpinionSchema, coHandlingRequestSchema } from '../functions/domain/co-handling.ts';
import { progressNoteSchema } from '../functions/domain/progress-notes.ts';
import { bookingSchema } from '../functions/domain/bookings.ts';
import { cancellationSchema, receptionSchema, rescheduleSchema, visitSchema } from '../functions/domain/visits.ts';
import { accessRecoverySchema, verificationRequestSchema } from '../functions/domain/verification.ts';
import type * as z from '../functions/domain/zod.ts';
import type { QueueName, TopicName } from '../functions/queues/names.ts';
import { ENV, queueUrlEnv, topicArnEnv } from '../functions/shared/env.ts';
import { TABLE_SCHEMA } from '../functions/store/schema.ts';

export { TABLE_SCHEMA, ENV, queueUrlEnv };

/**
 * A DynamoDB action a function may be granted on the table and its indexes,
 * by its IAM name. A transaction (TransactWriteItems) has no action of its
 * own: IAM checks the action of each write in it.
 */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem' | 'BatchWriteItem';

/**
 * What a function may do to the table: exactly the actions its code sends
 * (test/cdk/grants.test.ts reads them from its bundle and holds its role to
 * them), or 'none'.
 */
export type TableAccess = 'none' | readonly [TableAction, ...TableAction[]];

/**
 * An S3 action a function may be granted on the objects of the attachments'
 * bucket, by its IAM name: like the table's, exactly what its code sends
 * (a presigned URL is signed with the function's own rights, so making one
 * is sending its action).
 */
export type BucketAction = 'GetObject' | 'PutObject' | 'DeleteObject';

export interface FunctionWiring {
  /** The handler module, relative to the project root; it exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  table: TableAccess;
  /** What it may do to the attachments' objects; nothing without. It gets the bucket's name in its environment. */
  bucket?: readonly [BucketAction, ...BucketAction[]];
  /** The queues it sends to: it gets their URLs in its environment and the right to send. */
  sends: readonly QueueName[];
  /** The topics it publishes to: it gets their ARNs in its environment and the right to publish. */
  publishes?: readonly TopicName[];
  /** Whether it reads the deployment secret (keys for list cursors, matter fingerprints, kept answers): it gets where the secret is and the right to read it. */
  secret?: boolean;
  /** Files of npm packages it reads at run time (`package/path`), copied beside its bundle (lib/bundling.ts). */
  assets?: readonly string[];
  /** Whether it sends SMS to petitioners: it gets the sender's settings (PETITIONER_SENDER and those of the sender chosen), and with `sns` the right to publish to phone numbers. */
  sender?: true;
}

const api = (entry: string, description: string, table: TableAccess, sends: readonly QueueName[] = []): FunctionWiring => ({
  entry: `functions/api/${entry}.ts`,
  description,
  timeoutSeconds: 10,
  memoryMb: 512,
  table,
  sends,
});

/** A function that may read the deployment secret: every one that reaches the store, whose modules key cursors, fingerprints and kept answers with it (test/cdk/grants.test.ts finds the read in its bundle). */
const withSecret = (wiring: FunctionWiring): FunctionWiring => ({ ...wiring, secret: true });

export const FUNCTIONS = {
  health: api('health', 'GET /v1/health', 'none'),
  apiDocument: { ...api('api-document', 'GET /v1/openapi.json and /v1/docs: the API document and its reference page', 'none'), assets: ['redoc/bundles/redoc.standalone.js'] },
  listRegions: withSecret(api('list-regions', 'GET /v1/regions', ['GetItem', 'Query'])),
  listCategories: withSecret(api('list-categories', 'GET /v1/categories', ['Query'])),
  calendar: withSecret(api('calendar', 'GET /v1/calendar and PUT /v1/calendar/{year}: the statutory calendar; a replaced year starts the recount of open deadlines', ['GetItem', 'Query', 'PutItem'], ['deadline'])),
  submitCase: withSecret(api('submit-case', 'POST /v1/cases: intake; a repeat on an owned matter is told to its owner', ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['routing', 'notification', 'petitionerMessage'])),
  caseProgress: withSecret(api('case-progress', "GET /v1/cases/{id}/progress: the petitioner's view", ['Query'])),
  caseMessages: withSecret(api('case-messages', 'GET /v1/cases/{id}/messages: what the petitioner was sent about their case', ['Query'])),
  verifications: withSecret(api('verifications', 'POST /v1/verifications: a one-time code by SMS that proves a phone', ['GetItem', 'PutItem', 'UpdateItem'], ['petitionerMessage'])),
  accessRecovery: withSecret(
    api('access-recovery', 'POST /v1/access-recovery: new access codes by SMS for the open cases of a verified phone', ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['petitionerMessage']),
  ),
  listCases: withSecret(api('list-cases', "GET /v1/cases: the staff member's worklist", ['Query'])),
  getCase: withSecret(api('get-case', 'GET /v1/cases/{id}: the whole case, for staff', ['GetItem', 'Query'])),
  caseActions: withSecret(api('case-actions', 'POST /v1/cases/{id}/...: acceptance, receipt, reassignment, extension, reply, approvals, evaluation, review, ownership, urging', ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['notification', 'petitionerMessage'])),
  listNotices: withSecret(api('list-notices', "GET /v1/notices: the deadline notices to the caller's unit", ['Query'])),
  figures: withSecret(api('figures', 'GET /v1/stats and /v1/stats/public: volumes, structure, the three rates, trends', ['GetItem', 'Query'])),
  visits: withSecret(api('visits', "Leaders' visits: announce, list, reschedule, cancel (told to the bookings), visit-day figures", ['GetItem', 'Query', 'PutItem'], ['petitionerMessage'])),
  receiveAtVisit: withSecret(api('receive-at-visit', 'POST /v1/visits/{id}/receptions: a batch received at a visit', ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['petitionerMessage'])),
  bookings: withSecret(api('bookings', "Bookings of leaders' visits: book with a verified phone, cancel with the SMS code, the staff list", ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['petitionerMessage'])),
  attachments: withSecret({
    ...api('attachments', 'Attachments of a case: declare an upload, complete it (checked, JPEG metadata removed), list with download URLs', ['GetItem', 'Query', 'PutItem', 'UpdateItem']),
    // The upload is read whole to check and strip it: 10 MB at most, twice over.
    memoryMb: 1024,
    timeoutSeconds: 29,
    bucket: ['GetObject', 'PutObject', 'DeleteObject'],
  }),
  matterGroups: withSecret(
    api('matter-groups', 'Matter groups: list, correct, reply to all members', ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['petitionerMessage']),
  ),
  hotspots: withSecret(api('hotspots', 'GET /v1/hotspots: where the next visit should go', ['GetItem', 'Query'])),
  reports: withSecret({ ...api('reports', 'Joint-meeting reports: compile, list, fetch as JSON and as a page', ['GetItem', 'BatchGetItem', 'Query', 'PutItem']), timeoutSeconds: 29 }),
  clientApps: api('client-apps', 'POST /v1/client-apps: an admin registers a client app and gets its API key', ['PutItem']),
  open311: withSecret(api('open311', 'Open311 GeoReport v2, the public reads: discovery, services, service requests, tokens', ['GetItem', 'Query'])),
  open311Submit: withSecret(api('open311-requests', "Open311 GeoReport v2, POST requests: a client app's submission, through intake", ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], ['routing', 'notification', 'petitionerMessage'])),
  hardCases: withSecret(api('hard-cases', 'GET /v1/hard-cases: the hard-case candidates and the responsibility list of owned cases', ['GetItem', 'BatchGetItem', 'Query'])),
  compileReports: withSecret({
    entry: 'functions/schedules/compile-reports.ts',
    description: 'Compiles the weekly, monthly and quarterly reports of every county and city',
    timeoutSeconds: 300,
    memoryMb: 1024,
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem'],
    sends: [],
  }),
  routeCase: withSecret({
    entry: 'functions/workers/route-case.ts',
    description: 'Routes cases to the office that must accept them, and puts them in their matter group',
    timeoutSeconds: 30,
    memoryMb: 512,
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'BatchWriteItem', 'UpdateItem', 'DeleteItem'],
    sends: ['petitionerMessage'],
  }),
  escalateCase: withSecret({
    entry: 'functions/workers/check-deadline.ts',
    description: 'Applies the rung of the escalation ladder a due case has reached, and recounts deadlines after a calendar change',
    timeoutSeconds: 30,
    memoryMb: 512,
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
    sends: ['notification', 'deadline', 'petitionerMessage'],
  }),
  recordNotice: withSecret({
    entry: 'functions/workers/deliver-notice.ts',
    description: 'Records deadline notices per unit and publishes them to the notices topic',
    timeoutSeconds: 30,
    memoryMb: 256,
    table: ['BatchWriteItem'],
    sends: [],
    publishes: ['notices'],
  }),
  sendPetitionerMessage: withSecret({
    entry: 'functions/workers/send-petitioner-message.ts',
    description: 'Sends the messages to petitioners (milestones of their cases, codes) through the configured sender',
    timeoutSeconds: 30,
    memoryMb: 256,
    table: ['GetItem', 'UpdateItem'],
    sends: [],
    sender: true,
  }),
  sweepDeadlines: withSecret({
    entry: 'functions/schedules/sweep-deadlines.ts',
    description: 'Sends on every case whose due time has come, and every message to a petitioner not sent in time',
    timeoutSeconds: 50,
    memoryMb: 512,
    table: ['Query'],
    sends: ['routing', 'deadline', 'petitionerMessage'],
  }),
  remindBookings: withSecret({
    entry: 'functions/schedules/remind-bookings.ts',
    description: "Hourly: the reminders, a day ahead, of the bookings of leaders' visits",
    timeoutSeconds: 60,
    memoryMb: 256,
    table: ['Query'],
    sends: ['petitionerMessage'],
  }),
  issueStaffClaims: {
    entry: 'functions/identity/issue-staff-claims.ts',
    description: "Cognito pre-token trigger: puts the staff member's unit and roles in the ID token",
    timeoutSeconds: 5,
    memoryMb: 256,
    table: 'none',
    sends: [],
  },
  seedReferenceData: withSecret({
    entry: 'functions/seed/seed-reference-data.ts',
    description: 'Loads the reference data (regions, categories) and runs the data migrations on deploy',
    // Lambda's longest: a migration pages through the table until close to it (docs/UPGRADES.md).
    timeoutSeconds: 900,
    memoryMb: 512,
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    sends: [],
  }),
} as const satisfies Record<string, FunctionWiring>;

export type FunctionName = keyof typeof FUNCTIONS;

/**
 * Who may call a route: anyone; staff only, with a token the gateway's JWT
 * authorizer checks first; or anyone, with a token the handler checks itself
 * when one is sent (a gateway authorizer cannot be optional).
 */
export type RouteAuth = 'public' | 'staff' | 'optional';

/**
 * How hard a route is throttled on the API stage: `anonymous` for what anyone
 * may call to write or to try an access code (intake, a petitioner's progress
 * and actions, verification), `public` for open reads of reference data and
 * announcements, `staff` for the routes behind the JWT authorizer.
 */
export type RouteThrottle = 'anonymous' | 'public' | 'staff';

/**
 * The numbers of each throttle class: steady requests per second and burst,
 * for the route as a whole (API Gateway counts per stage and route, not per
 * client: a deployment puts per-client limits in front, see README).
 */
export const THROTTLES: Readonly<Record<RouteThrottle, { rateLimit: number; burstLimit: number }>> = {
  anonymous: { rateLimit: 10, burstLimit: 20 },
  public: { rateLimit: 50, burstLimit: 100 },
  staff: { rateLimit: 100, burstLimit: 200 },
};

/** One answer of a route, as the API document describes it. */
export interface AnswerDoc {
  description: string;
  /** The body's schema; none for an answer without one. */
  schema?: z.ZodMiniType;
  /** The body's type, when not `application/json`. */
  contentType?: string;
  /** It names what it created in a `Location` header. */
  location?: true;
}

export interface RouteWiring {
  method: 'GET' | 'POST' | 'PUT';
  /** API Gateway path syntax: `{id}` is a path parameter. */
  path: string;
  function: FunctionName;
  auth: RouteAuth;
  throttle: RouteThrottle;
  /** What the route does, in one line: its summary in the API document. */
  summary: string;
  /** The query string it parses. */
  query?: z.ZodMiniType;
  /** The JSON body it parses, and an example request as a client sends it. */
  body?: { schema: z.ZodMiniType; example: unknown };
  /** It honours an `Idempotency-Key` header: a retry with the same key answers the first answer again. */
  idempotent?: true;
  /** An example of each path parameter that no other route creates (a calendar year): a client cannot learn it from a Location. */
  pathExamples?: Record<string, string>;
  /** The petitioner's access code (`X-Access-Code`) opens it. */
  accessCode?: true;
  /** The booking code its SMS gave (`X-Booking-Code`) opens it. */
  bookingCode?: true;
  /** It has limits of its own (per phone, per client address, per case and interval): beyond them 429 with Retry-After. */
  rateLimited?: true;
  /**
   * Its answers, by status: the successes and the refusals particular to it.
   * lib/openapi.ts adds the problems every route of its kind may give (bad
   * input, no token, throttled, busy).
   */
  answers: Record<number, AnswerDoc>;
}

const json = (description: string, schema: z.ZodMiniType): AnswerDoc => ({ description, schema });
const created = (description: string, schema: z.ZodMiniType): AnswerDoc => ({ description, schema, location: true });
/** A refusal particular to a route, as an RFC 9457 problem document. */
const refusal = (description: string): AnswerDoc => ({ description, schema: answers.problem, contentType: 'application/problem+json' });
const conflicting = refusal("The case's current state forbids it, or another change came first: read it again.");
const html = (description: string): AnswerDoc => ({ description, contentType: 'text/html' });
const notInScope = refusal("The region is unknown or outside the caller's scope.");

const PETITION = {
  channel: 'online',
  category: 'housing',
  title: '楼顶漏水三个月无人处理',
  content: '城南社区3幢楼顶漏水，物业不予处理。',
  regionCode: '330726001001',
  petitioner: { name: '张三', phone: '13800138000' },
};

export const ROUTES: readonly RouteWiring[] = [
  {
    method: 'GET', path: '/v1/health', function: 'health', auth: 'public', throttle: 'public',
    summary: 'Whether the API is up',
    answers: { 200: json('It is up.', answers.health) },
  },
  {
    method: 'GET', path: '/v1/openapi.json', function: 'apiDocument', auth: 'public', throttle: 'public',
    summary: 'This API document (OpenAPI 3.1)',
    answers: { 200: { description: 'The OpenAPI 3.1 document of the API.', contentType: 'application/json' } },
  },
  {
    method: 'GET', path: '/v1/docs', function: 'apiDocument', auth: 'public', throttle: 'public',
    summary: 'The reference page of this API document',
    answers: { 200: html('A self-contained page (Redoc) of the API document.') },
  },
  {
    method: 'GET', path: '/v1/regions', function: 'listRegions', auth: 'public', throttle: 'public',
    summary: 'The regions directly below a region, or the top level',
    query: regionsQuery,
    answers: { 200: json('A page of regions.', answers.page(answers.region)), 404: refusal('There is no such parent region.') },
  },
  {
    method: 'GET', path: '/v1/categories', function: 'listCategories', auth: 'public', throttle: 'public',
    summary: 'The case categories',
    answers: { 200: json('Every category, in one page.', answers.page(answers.category)) },
  },
  {
    method: 'GET', path: '/v1/calendar', function: 'calendar', auth: 'public', throttle: 'public',
    summary: "China's statutory holidays and make-up workdays (调休) of a year, which the deadlines follow",
    query: calendarQuery,
    answers: { 200: json('The year; `loaded: false` when nobody loaded it (weekends only).', answers.calendarYear) },
  },
  {
    method: 'PUT', path: '/v1/calendar/{year}', function: 'calendar', auth: 'staff', throttle: 'staff',
    summary: 'Replace a calendar year (admin of a province unit); every open deadline is counted again',
    pathExamples: { year: '2027' },
    body: { schema: calendarYearBody, example: { daysOff: [{ date: '2027-02-06', name: '春节' }, { date: '2027-02-07', name: '春节' }], workdays: ['2027-02-20'] } },
    answers: {
      200: json('The year in force; the open deadlines are being counted again.', answers.calendarYear),
      409: refusal('A day is outside the year, listed twice, or both a day off and a workday.'),
    },
  },
  {
    method: 'POST', path: '/v1/cases', function: 'submitCase', auth: 'optional', throttle: 'anonymous',
    summary: 'Submit a case (petitioners online; clerks of a petition office any channel)',
    body: { schema: submissionSchema, example: PETITION },
    idempotent: true,
    answers: {
      201: created('The case is registered; keep the access code, it is shown once.', answers.submitted),
      200: json('The same matter is open already: it was joined, nothing new was created.', answers.repeated),
      409: refusal('The Idempotency-Key was used for another body.'),
    },
  },
  {
    method: 'POST', path: '/v1/verifications', function: 'verifications', auth: 'public', throttle: 'anonymous', rateLimited: true,
    summary: "Verify a phone: a 6-digit code goes to it by SMS, to send with a submission within 5 minutes",
    body: { schema: verificationRequestSchema, example: { phone: '13800138000' } },
    answers: { 202: json('The code is on its way (the same answer for every phone). It is good for 5 minutes; once used, for that phone\'s requests for 30.', answers.verificationStarted) },
  },
  {
    method: 'POST', path: '/v1/access-recovery', function: 'accessRecovery', auth: 'public', throttle: 'anonymous',
    summary: 'Recover lost access codes: with a verified phone, each of its open cases gets a new code by SMS, and the old one stops working',
    body: { schema: accessRecoverySchema, example: { verification: { id: '9b2f6c1e-4d3a-4f5e-8a7b-1c2d3e4f5a6b', code: '482913' } } },
    answers: { 202: json('The new codes are on their way by SMS; the answer says nothing of the cases and holds no code.', answers.recoveryAccepted) },
  },
  {
    method: 'GET', path: '/v1/cases', function: 'listCases', auth: 'staff', throttle: 'staff',
    summary: "The caller's worklist (the open cases by default)",
    query: worklistQuery,
    answers: { 200: json('A page of cases.', answers.page(answers.worklistEntry)) },
  },
  {
    method: 'GET', path: '/v1/cases/{id}', function: 'getCase', auth: 'staff', throttle: 'staff',
    summary: 'The whole case with its history',
    answers: { 200: json('The case.', answers.staffCase) },
  },
  {
    method: 'GET', path: '/v1/cases/{id}/progress', function: 'caseProgress', auth: 'public', throttle: 'anonymous', accessCode: true,
    summary: "The petitioner's view of their case: status, level, deadline, timeline",
    answers: { 200: json('The progress, with no personal data.', answers.progress) },
  },
  {
    method: 'GET', path: '/v1/cases/{id}/messages', function: 'caseMessages', auth: 'public', throttle: 'anonymous', accessCode: true,
    summary: 'The messages (SMS) sent to the petitioner about their case, oldest first',
    query: pageQuery,
    answers: { 200: json('A page of messages: each with what it told and whether it was sent.', answers.page(answers.petitionerMessage)) },
  },
  {
    method: 'GET', path: '/v1/notices', function: 'listNotices', auth: 'staff', throttle: 'staff',
    summary: "The deadline notices to the caller's unit, newest first",
    query: pageQuery,
    answers: { 200: json('A page of notices.', answers.page(answers.notice)) },
  },
  {
    method: 'GET', path: '/v1/stats', function: 'figures', auth: 'staff', throttle: 'staff',
    summary: "A region's figures: volumes, structure, the three rates, by period",
    query: statsQuery,
    answers: { 200: json('The figures.', answers.stats), 404: notInScope },
  },
  // Counts only: the public is owed the results (docs/DOMAIN.md, transparency).
  {
    method: 'GET', path: '/v1/stats/public', function: 'figures', auth: 'public', throttle: 'public',
    summary: "A region's figures for the public, small counts withheld",
    query: publicStatsQuery,
    answers: { 200: json('The public figures.', answers.publicStats), 404: refusal('There is no such region.') },
  },
  {
    method: 'POST', path: '/v1/visits', function: 'visits', auth: 'staff', throttle: 'staff',
    summary: "Announce a leader's visit",
    body: {
      schema: visitSchema,
      example: { leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt: '2026-12-10T01:00:00.000Z', venue: '浦江县信访局接待大厅', departments: ['330726:housing', '330726:land'] },
    },
    answers: { 201: created('The visit is announced.', answers.visit) },
  },
  // Visits are announced to the public in advance.
  {
    method: 'GET', path: '/v1/visits', function: 'visits', auth: 'public', throttle: 'public',
    summary: 'The announced visits of a region and below, soonest first',
    query: visitsQuery,
    answers: { 200: json('A page of visits.', answers.page(answers.visit)) },
  },
  {
    method: 'POST', path: '/v1/visits/{id}/reschedule', function: 'visits', auth: 'staff', throttle: 'staff',
    summary: 'Reschedule a visit',
    body: { schema: rescheduleSchema, example: { startsAt: '2026-12-12T01:00:00.000Z', venue: '浦江县人民广场', reason: '与县委常委会冲突，改期两天' } },
    answers: { 200: json('The visit as now announced.', answers.visit), 409: refusal('The visit is cancelled or has started, or changed meanwhile.') },
  },
  {
    method: 'POST', path: '/v1/visits/{id}/cancellation', function: 'visits', auth: 'staff', throttle: 'staff',
    summary: 'Cancel a visit',
    body: { schema: cancellationSchema, example: { reason: '因防汛工作取消' } },
    answers: { 200: json('The visit as now announced: cancelled.', answers.visit), 409: refusal('The visit is cancelled or has started, or changed meanwhile.') },
  },
  {
    method: 'GET', path: '/v1/visits/{id}/summary', function: 'visits', auth: 'staff', throttle: 'staff',
    summary: "A visit day's figures",
    answers: { 200: json('The batches, persons and outcomes, and how the assigned matters fare.', answers.visitSummary) },
  },
  {
    method: 'POST', path: '/v1/visits/{id}/receptions', function: 'receiveAtVisit', auth: 'staff', throttle: 'staff',
    summary: 'Record a batch of petitioners received at a visit',
    body: {
      schema: receptionSchema,
      example: {
        persons: 6, petitioner: { name: '李四', phone: '13900001111' }, category: 'housing', title: '安置房墙体开裂', content: '多次反映未果',
        regionCode: '330726001001', outcome: 'assigned', leadUnit: '330726:housing', responsibleLeader: '王副县长',
      },
    },
    idempotent: true,
    answers: {
      201: created('The batch is registered as a case.', answers.reception),
      409: refusal('The visit has not started or is cancelled, or the Idempotency-Key was used for another body.'),
    },
  },
  {
    method: 'POST', path: '/v1/visits/{id}/bookings', function: 'bookings', auth: 'public', throttle: 'anonymous',
    summary: "Book a place at a leader's visit with a verified phone: a ticket and a slot, confirmed by SMS with the booking code",
    body: {
      schema: bookingSchema,
      example: { phone: '13800138000', verification: { id: '9b2f6c1e-4d3a-4f5e-8a7b-1c2d3e4f5a6b', code: '482913' }, category: 'housing', summary: '安置房墙体开裂，多次反映未果', persons: 2 },
    },
    answers: {
      201: created('Booked (or this very booking answered again): the ticket and the slot. The SMS brings the booking code, and a reminder comes the day before.', answers.booking),
      409: refusal('The visit takes no bookings, is cancelled, has started or is full, or this phone booked it already with another request.'),
    },
  },
  {
    method: 'POST', path: '/v1/visits/{id}/bookings/{bookingId}/cancellation', function: 'bookings', auth: 'public', throttle: 'anonymous', bookingCode: true,
    summary: 'Cancel a booking with the booking code its SMS gave, sent as X-Booking-Code',
    answers: {
      200: json('Cancelled (now or by an earlier try): its places are free again.', answers.booking),
      404: refusal('There is no such booking, or the code is wrong (the same answer).'),
      409: refusal('The visit has started or is cancelled.'),
    },
  },
  {
    method: 'GET', path: '/v1/visits/{id}/bookings', function: 'bookings', auth: 'staff', throttle: 'staff',
    summary: "A visit's bookings by ticket: no identity number, phones masked",
    query: pageQuery,
    answers: { 200: json('A page of bookings.', answers.page(answers.staffBooking)) },
  },
  {
    method: 'GET', path: '/v1/hotspots', function: 'hotspots', auth: 'staff', throttle: 'staff',
    summary: 'The units below a region ranked by petitions per 10,000 inhabitants, weighted by overdue and repeat ones',
    query: hotspotsQuery,
    answers: { 200: json('The units, highest score first.', answers.hotspots), 404: notInScope },
  },
  {
    method: 'GET', path: '/v1/matter-groups', function: 'matterGroups', auth: 'staff', throttle: 'staff',
    summary: 'The matter groups (one matter, many petitioners) of a region and period, largest first',
    query: matterGroupsQuery,
    answers: { 200: json("A page of groups, each with its members in the caller's scope.", answers.page(answers.matterGroup)), 404: notInScope },
  },
  {
    method: 'POST', path: '/v1/matter-groups/{id}/members', function: 'matterGroups', auth: 'staff', throttle: 'staff',
    summary: 'Put a case in a matter group',
    body: { schema: memberSchema, example: { caseId: '3f2b8c1e-5d4a-4e7b-9c6f-2a1d0e9b8c7a' } },
    answers: {
      200: json('The group with the case.', answers.matterGroup),
      409: refusal('The case is in another group, closed, of another county or category, or the group changed meanwhile.'),
    },
  },
  {
    method: 'POST', path: '/v1/matter-groups/{id}/removals', function: 'matterGroups', auth: 'staff', throttle: 'staff',
    summary: 'Take a case out of a matter group',
    body: { schema: memberSchema, example: { caseId: '3f2b8c1e-5d4a-4e7b-9c6f-2a1d0e9b8c7a' } },
    answers: { 200: json('The group without the case.', answers.matterGroup), 409: refusal('The case is not in the group, or the group changed meanwhile.') },
  },
  {
    method: 'POST', path: '/v1/matter-groups/{id}/reply', function: 'matterGroups', auth: 'staff', throttle: 'staff',
    summary: "The lead unit's one reply to every member of a matter group",
    body: { schema: replySchema, example: { opinion: '已责令鑫达化工厂停产整改，环保部门将每周监测。' } },
    answers: { 200: json('The members answered, those drafted for the leader\'s sign-off, and those not answered with the reason (each a case of its own).', answers.groupReply) },
  },
  {
    method: 'POST', path: '/v1/reports', function: 'reports', auth: 'staff', throttle: 'staff',
    summary: 'Compile the joint-meeting report of the period holding a day, so far',
    body: { schema: compileReportBody, example: { kind: 'weekly', regionCode: '330726', day: '2026-11-18' } },
    answers: { 201: created('The report.', answers.report), 404: notInScope },
  },
  {
    method: 'GET', path: '/v1/reports', function: 'reports', auth: 'staff', throttle: 'staff',
    summary: "The reports of a region, newest first",
    query: reportsQuery,
    answers: { 200: json('A page of reports.', answers.page(answers.reportListing)), 404: notInScope },
  },
  {
    method: 'GET', path: '/v1/reports/{id}', function: 'reports', auth: 'staff', throttle: 'staff',
    summary: 'A report',
    answers: { 200: json('The report.', answers.report) },
  },
  {
    method: 'GET', path: '/v1/reports/{id}/page', function: 'reports', auth: 'staff', throttle: 'staff',
    summary: 'A report as the page for the meeting',
    answers: { 200: html('A self-contained page, with its charts: no script, no external asset.') },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/acceptance', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The petition office's decision: accept, not accept, or forward",
    body: { schema: acceptanceSchema, example: { decision: 'accept', leadUnit: '330726:housing', responsibleLeader: '王副县长' } },
    answers: { 200: json('The case after the decision.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/receipt', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: 'The lead unit signs for the case (签收) or returns it with its reasons (退回), within its window',
    body: { schema: receiptSchema, example: { decision: 'return', reason: '系物业服务合同纠纷，不属本单位职责', suggestedUnit: '330726:civil_affairs' } },
    answers: { 200: json('The case, signed for or returned to the office.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/reassignment', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The petition office's ruling on a return: reassign the case, or insist",
    body: { schema: reassignmentSchema, example: { ruling: 'insist', reason: '屋面维修属住建部门监管职责' } },
    answers: { 200: json('The case with its lead unit, whose window to sign opens again.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/extension', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The lead unit's one extension of the handling time",
    body: { schema: extensionSchema, example: { days: 10, reason: '需现场勘查' } },
    answers: { 200: json("The case with its new deadline, or, under the policy's approveExtensions, a handler's request pending (extension.status).", answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/extension/approval', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The lead unit's leader approves or refuses a handler's extension",
    body: { schema: extensionApprovalSchema, example: { approve: true, reason: '确需现场勘查' } },
    answers: { 200: json('The case, its deadline moved if approved.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/progress-notes', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The lead unit's note of the handling's progress, shown to the petitioner when visibleToPetitioner",
    body: { schema: progressNoteSchema, example: { note: '已约物业现场查看屋面，定于下周施工。', visibleToPetitioner: true } },
    answers: { 200: json('The case; the note is in its history (and in the timeline when visible), and its idle clock restarts.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/pauses', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: 'The lead unit asks to pause the handling clock (时限中止), pending the petition office\'s approval',
    body: { schema: pauseRequestSchema, example: { reason: 'hearing', note: '定于下月组织听证' } },
    answers: { 200: json('The case with the pending pause last in `pauses` (its `id` is the pauseId).', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/pauses/{pauseId}/approval', function: 'caseActions', auth: 'staff', throttle: 'staff',
    pathExamples: { pauseId: '1' },
    summary: "A supervisor or leader of the petition office approves a pending pause (the clock stops now) or refuses it",
    body: { schema: pauseApprovalSchema, example: { approve: true, reason: '听证确有必要' } },
    answers: { 200: json('The case, paused (its clock and ladder stand still) or with the pause refused.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/pauses/{pauseId}/end', function: 'caseActions', auth: 'staff', throttle: 'staff',
    pathExamples: { pauseId: '1' },
    summary: 'The lead unit or the petition office ends a running pause: the deadline moves by the paused time',
    body: { schema: pauseEndSchema, example: { note: '听证已举行' } },
    answers: { 200: json('The case with its deadline moved by the paused time.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/co-handling', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The lead unit asks another unit of the office's area for its opinion (协办), by a deadline of the task's own",
    body: { schema: coHandlingRequestSchema, example: { unit: '330726:civil_affairs', request: '请就该小区物业资质提出意见', days: 5 } },
    answers: {
      201: json('The task (its `taskId`) and its deadline; the case is in the co-unit\'s worklist while the task is open.', answers.coHandlingTask),
      409: refusal('The case is not being handled, not signed for, or the unit is the lead unit, outside the office\'s area or asked already.'),
    },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/co-handling/{taskId}/opinion', function: 'caseActions', auth: 'staff', throttle: 'staff',
    pathExamples: { taskId: '1' },
    summary: 'The unit asked gives its opinion on its co-handling task',
    body: { schema: coHandlingOpinionSchema, example: { opinion: '经核查，该物业公司资质有效，建议责令其限期维修。' } },
    answers: { 200: json('The case, the task answered (its clock stops).', answers.staffCase), 409: refusal('The task is answered or closed already, or another change came first.') },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/co-handling/{taskId}/closure', function: 'caseActions', auth: 'staff', throttle: 'staff',
    pathExamples: { taskId: '1' },
    summary: 'The lead unit closes an open co-handling task without its opinion, with the reason',
    body: { schema: coHandlingClosureSchema, example: { reason: '已当面听取意见，无需书面答复' } },
    answers: { 200: json('The case, the task closed: it no longer holds the reply back.', answers.staffCase), 409: refusal('The task is answered or closed already, or another change came first.') },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/reply', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The lead unit's reply to the petitioner",
    body: { schema: replySchema, example: { opinion: '已督促物业维修屋面。' } },
    answers: { 200: json("The case, replied; or, under the policy's replySignOff, a handler's draft (replyDraft) awaiting the leader.", answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/reply/approval', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The lead unit's leader releases a draft reply to the petitioner, or sends it back",
    body: { schema: replyApprovalSchema, example: { approve: true, comment: '同意答复' } },
    answers: { 200: json('The case, replied (with the notice of the right to review), or with its draft sent back.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/review-opinion', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "The reviewing office's opinion",
    body: { schema: reviewOpinionSchema, example: { opinion: '责成物业十日内修复。', upheld: false } },
    answers: { 200: json('The case with the opinion.', answers.staffCase), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/merge', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: 'Merge a possible repeat (possibleRepeatOf) into the open case it repeats, which counts it',
    answers: { 200: json('The open case, its repeat counted; the possible repeat is closed as merged.', answers.staffCase), 409: refusal('The case is no open possible repeat, or the case it may repeat is finished or outside your scope.') },
  },
  // The petitioner's own actions: the access code, not a token, identifies them.
  {
    method: 'POST', path: '/v1/cases/{id}/evaluation', function: 'caseActions', auth: 'public', throttle: 'anonymous', accessCode: true,
    summary: "The petitioner's rating of the reply or opinion",
    body: { schema: evaluationSchema, example: { rating: 'dissatisfied', comment: '漏水仍未解决' } },
    answers: { 200: json('The progress after the rating.', answers.progress), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/review-request', function: 'caseActions', auth: 'public', throttle: 'anonymous', accessCode: true,
    summary: "The petitioner's request for review (复查) or re-review (复核)",
    body: { schema: reviewRequestSchema, example: { reason: '漏水仍未解决' } },
    answers: { 200: json('The progress after the request.', answers.progress), 409: conflicting },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/urge', function: 'caseActions', auth: 'public', throttle: 'anonymous', accessCode: true, rateLimited: true,
    summary: "The petitioner urges (催办) the unit whose clock is running on the case, at most once per policy `urgeInterval`",
    body: { schema: urgeSchema, example: { note: '已过去一个多月，仍无人联系我' } },
    answers: {
      200: json('The urge is recorded and the unit notified; the next is allowed from `nextAllowedAt`.', answers.urged),
      409: refusal('No unit is handling the case now: it is being routed, waits on the petitioner after the reply, or is finished.'),
    },
  },
  {
    method: 'POST', path: '/v1/client-apps', function: 'clientApps', auth: 'staff', throttle: 'staff',
    summary: 'Register a client app (admins): its API key for Open311 submissions, shown once',
    body: { schema: clientAppSchema, example: { name: '浦江县12345热线' } },
    answers: { 201: json('The app, with its API key: keep it, it is shown once and only its hash is kept.', answers.clientApp) },
  },
  // Attachments: the petitioner's by the access code, staff's by their token.
  {
    method: 'POST', path: '/v1/cases/{id}/attachments', function: 'attachments', auth: 'optional', throttle: 'anonymous', accessCode: true,
    summary: 'Declare a file to attach (a photo or document as evidence): answers where to upload it',
    body: { schema: attachmentDeclarationSchema, example: { fileName: '楼顶漏水.jpg', contentType: 'image/jpeg', size: 2_480_133 } },
    answers: {
      201: created('PUT the file to `uploadUrl` with `uploadHeaders` before `expiresAt`, then complete it.', answers.attachmentUpload),
      409: refusal('The case is finished, or has its 20 files already.'),
    },
  },
  {
    method: 'POST', path: '/v1/cases/{id}/attachments/{attachmentId}/complete', function: 'attachments', auth: 'optional', throttle: 'anonymous', accessCode: true,
    summary: 'Complete an upload: the file is checked against what was declared and, a JPEG, stripped of its metadata',
    answers: {
      200: json('The file is available.', answers.attachment),
      400: refusal('The file uploaded is not what was declared (size, type by its own bytes) or is too large: it is deleted; upload it again.'),
      409: refusal('Nothing was uploaded yet, it is complete already, or the case has its 20 files.'),
    },
  },
  {
    method: 'GET', path: '/v1/cases/{id}/attachments', function: 'attachments', auth: 'optional', throttle: 'anonymous', accessCode: true,
    summary: "A case's files the caller may see, each with a download URL valid 5 minutes",
    answers: { 200: json("Staff see every file; the petitioner, their own and those staff marked public.", answers.attachments) },
  },
  // Hard cases (包案).
  {
    method: 'POST', path: '/v1/cases/{id}/ownership', function: 'caseActions', auth: 'staff', throttle: 'staff',
    summary: "A leader of the case's office or above names the owning leader of a hard case (包案), with the plan and the target date",
    body: { schema: ownershipSchema, example: { leader: { name: '李明', title: '副县长' }, plan: '约谈物业，督促屋面维修，每周回访', targetDate: '2027-03-31' } },
    answers: {
      200: json('The case with its owner; a second naming replaces the first, and the history keeps both.', answers.staffCase),
      409: refusal('The case is finished, not a hard case yet, or owned already as named; or another change came first.'),
    },
  },
  {
    method: 'GET', path: '/v1/hard-cases', function: 'hardCases', auth: 'staff', throttle: 'staff',
    summary: "A unit's hard cases: with candidates=true the open cases that are hard, else the responsibility list of owned cases",
    query: hardCasesQuery,
    answers: { 200: json('A page of hard cases.', answers.page(answers.hardCaseEntry)), 404: refusal("The unit is unknown or outside the caller's scope.") },
  },
];

/**
 * A route of a published standard that client apps are built against
 * (Open311 GeoReport v2): the standard documents it, not the API document,
 * since its answers are XML as well as JSON, its errors the standard's own
 * and its POST a form. The test that drives it as a 311 client does holds it
 * to the standard (test/integration/open311.test.ts).
 */
export interface StandardRouteWiring {
  method: 'GET' | 'POST';
  /** API Gateway path syntax; a format suffix is part of the path, or of the last parameter's value. */
  path: string;
  function: FunctionName;
  /** Open to anyone at the gateway: a submission's API key is checked by its handler. */
  auth: 'public';
  throttle: RouteThrottle;
  summary: string;
}

const open311 = (method: 'GET' | 'POST', path: string, summary: string): StandardRouteWiring => ({
  method,
  path: `/open311/v2/${path}`,
  function: method === 'POST' ? 'open311Submit' : 'open311',
  auth: 'public',
  // A submission writes (a case, through intake); the reads are public, like reference data.
  throttle: method === 'POST' ? 'anonymous' : 'public',
  summary,
});

/** Open311 GeoReport v2 (docs/API.md, "Open311"): each resource as .json and .xml (a parameter's value carries its suffix). */
export const OPEN311_ROUTES: readonly StandardRouteWiring[] = [
  ...(['json', 'xml'] as const).flatMap((format) => [
    open311('GET', `discovery.${format}`, 'Service discovery'),
    open311('GET', `services.${format}`, 'The services: the categories'),
    open311('GET', `requests.${format}`, 'Service requests: public views of cases, 90 days and 1,000 at most'),
    open311('POST', `requests.${format}`, "A client app's service request: a case, through intake"),
  ]),
  open311('GET', 'services/{service_code}', "A service's definition: its attributes"),
  open311('GET', 'requests/{service_request_id}', 'One service request'),
  open311('GET', 'tokens/{token}', 'The service request a token became'),
];

/** Every route served, on AWS and locally: the API's own and the standard's. */
export const SERVED_ROUTES: ReadonlyArray<RouteWiring | StandardRouteWiring> = [...ROUTES, ...OPEN311_ROUTES];

/** Whether a function checks staff tokens itself (it serves a route whose auth is optional). */
export function verifiesTokens(name: FunctionName): boolean {
  return ROUTES.some((route) => route.function === name && route.auth === 'optional');
}

export interface QueueWiring {
  name: QueueName;
  consumer: FunctionName;
  batchSize: number;
  /** Receives before a message goes to the dead-letter queue. */
  maxReceiveCount: number;
  /**
   * At most this many batches at once (the event source's maximum
   * concurrency on AWS, the local runtime's pollers), so a burst on a worker
   * cannot take the account's Lambda concurrency from the API. Chosen over
   * reserved concurrency: reserving takes from the account's unreserved pool,
   * which must keep 100, and new accounts often have a quota of only 10
   * concurrent executions, so a reservation may not even deploy. Messages
   * beyond it wait in the queue (its age alarm watches that); SQS allows 2 to
   * 1000.
   */
  maxConcurrency: number;
}

export const QUEUES: readonly QueueWiring[] = [
  { name: 'routing', consumer: 'routeCase', batchSize: 10, maxReceiveCount: 5, maxConcurrency: 5 },
  { name: 'deadline', consumer: 'escalateCase', batchSize: 10, maxReceiveCount: 5, maxConcurrency: 5 },
  { name: 'notification', consumer: 'recordNotice', batchSize: 10, maxReceiveCount: 5, maxConcurrency: 5 },
  { name: 'petitionerMessage', consumer: 'sendPetitionerMessage', batchSize: 10, maxReceiveCount: 5, maxConcurrency: 5 },
];

export interface TopicWiring {
  name: TopicName;
  description: string;
}

export const TOPICS: readonly TopicWiring[] = [
  { name: 'notices', description: 'Deadline notices (warnings, supervision, escalations, critical alerts) for operators and SMS/e-mail gateways' },
];

/** A queue's visibility timeout: six times its consumer's timeout, as AWS advises for Lambda consumers. */
export function visibilityTimeoutSeconds(queue: QueueWiring): number {
  return 6 * FUNCTIONS[queue.consumer].timeoutSeconds;
}

export interface ScheduleWiring {
  name: string;
  function: FunctionName;
  everySeconds: number;
}

/** The deadline sweep: locally it runs every SWEEP_INTERVAL_SECONDS instead of its AWS rate. */
export const SWEEP_SCHEDULE = 'sweep';

/** The booking reminders: hourly in the legal clock's time, so locally TIME_SCALE times as often. */
export const REMINDER_SCHEDULE = 'booking-reminders';

export const SCHEDULES: readonly ScheduleWiring[] = [
  { name: SWEEP_SCHEDULE, function: 'sweepDeadlines', everySeconds: 60 },
  { name: 'reports', function: 'compileReports', everySeconds: 86_400 },
  { name: REMINDER_SCHEDULE, function: 'remindBookings', everySeconds: 3_600 },
];

/** How staff tokens are checked: the issuer, the audience, and the issuer's keys (a JWKS URL, or the JWKS itself locally). */
export interface TokenCheck {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  jwks?: string;
}

/** Where the deployment secret is: its Secrets Manager ARN (AWS), or the secret itself (locally, with no Secrets Manager). */
export type SecretSource = { arn: string } | { value: string };

/** The environment a function gets, given where the table, the queues, the token issuer and the deployment secret are. */
export function environmentOf(
  name: FunctionName,
  where: {
    tableName: string;
    queueUrl: (queue: QueueName) => string;
    topicArn: (topic: TopicName) => string;
    tokens: TokenCheck;
    secret: SecretSource;
    /** The attachments' bucket, for the functions with bucket access (without, they fail at their first use of it). */
    bucketName?: string;
    /** The sender's settings (PETITIONER_SENDER and its own), for the functions that send SMS (without, they fail their start). */
    sender?: Record<string, string>;
  },
): Record<string, string> {
  const fn: FunctionWiring = FUNCTIONS[name];
  const environment: Record<string, string> = {};
  if (fn.table !== 'none') environment[ENV.tableName] = where.tableName;
  if (verifiesTokens(name)) {
    environment[ENV.jwtIssuer] = where.tokens.issuer;
    environment[ENV.jwtAudience] = where.tokens.audience;
    if (where.tokens.jwksUrl !== undefined) environment[ENV.jwtJwksUrl] = where.tokens.jwksUrl;
    if (where.tokens.jwks !== undefined) environment[ENV.jwtJwks] = where.tokens.jwks;
  }
  if (fn.secret) {
    if ('arn' in where.secret) environment[ENV.secretArn] = where.secret.arn;
    else environment[ENV.secret] = where.secret.value;
  }
  if (fn.bucket && where.bucketName !== undefined) environment[ENV.bucketName] = where.bucketName;
  if (fn.sender && where.sender) Object.assign(environment, where.sender);
  for (const queue of fn.sends) environment[queueUrlEnv(queue)] = where.queueUrl(queue);
  for (const topic of fn.publishes ?? []) environment[topicArnEnv(topic)] = where.topicArn(topic);
  return environment;
}
