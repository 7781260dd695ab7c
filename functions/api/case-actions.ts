/**
 * The actions on a case, one route each: staff decide acceptance, sign for
 * or return a case and rule on returns, extend, reply, approve extensions and
 * replies, record progress, pause the clock and approve and end pauses, ask
 * other units to co-handle (they give opinions; the lead unit closes tasks),
 * give review opinions, and name a hard case's owner; the petitioner rates,
 * asks for review and urges (催办).
 * Each reads the case, applies one lifecycle step and saves it on condition
 * that nobody changed the case meanwhile (else 409). Every staff action
 * restarts the case's idle clock.
 */
import { type Case, type Change } from '../domain/case.ts';
import { caseView, progressOf } from '../domain/views.ts';
import {
  acceptanceSchema,
  canSee,
  decideAcceptance,
  evaluate,
  evaluationSchema,
  extendHandling,
  extensionSchema,
  giveReviewOpinion,
  replySchema,
  replyToCase,
  requestReview,
  reviewOpinionSchema,
  reviewRequestSchema,
  type Acting,
  type AcceptanceInput,
} from '../domain/lifecycle.ts';
import type { Clock } from '../domain/policy.ts';
import { ownershipSchema, takeOwnership } from '../domain/hard-cases.ts';
import { decideReceipt, reassignmentSchema, receiptSchema, ruleOnReturn } from '../domain/receipt.ts';
import { approveExtension, approveReply, extensionApprovalSchema, replyApprovalSchema } from '../domain/sign-off.ts';
import { withIdleClock } from '../domain/idle.ts';
import { decidePause, endPause, pauseApprovalSchema, pauseEndSchema, pauseRequestSchema, requestPause } from '../domain/pauses.ts';
import { addProgressNote, progressNoteSchema } from '../domain/progress-notes.ts';
import {
  askCoHandling,
  closeCoHandling,
  coHandlingClosureSchema,
  coHandlingOpinionSchema,
  coHandlingRequestSchema,
  giveCoHandlingOpinion,
} from '../domain/co-handling.ts';
import { conflict } from '../domain/problem.ts';
import type * as z from '../domain/zod.ts';
import { calendarClock } from '../services/calendar-clock.ts';
import { httpHandler, requireStaff, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { findVisible } from '../services/find-visible.ts';
import { caseOfPetitioner } from '../services/petitioner-access.ts';
import { mergePossibleRepeat } from '../services/merge-repeat.ts';
import { requireUnitsExist, type NamedUnit } from '../services/references.ts';
import { getCase, saveChange } from '../store/cases.ts';
import { getRegionChain } from '../store/reference.ts';
import { now } from '../shared/clock.ts';
import { urge, urgeSchema } from '../domain/urging.ts';
import { noticeSender } from '../queues/notices.ts';
import { config } from '../shared/config.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';

/** One lifecycle step: the body it takes, and how it changes the case (the route's path parameters at hand). */
interface Step<Input, Actor> {
  schema: z.ZodMiniType<Input>;
  apply(subject: Case, input: Input, actor: Actor, params: ApiRequest['params']): Promise<Change> | Change;
  /** The answer, when it is not the changed case: what the step made. */
  answer?(change: Change): ApiAnswer;
}
type StaffStep = Step<unknown, Acting>;
type PetitionerStep = Step<unknown, { now: string; clock: Clock }>;

// Each step is typed by its own schema; the tables hold them erased.
const staffStep = <Input>(definition: Step<Input, Acting>) => definition as StaffStep;
/** A step on one item of the case (a pause, a co-handling task), named by the path parameter `name`. */
const itemStep = <Input>(schema: z.ZodMiniType<Input>, name: string, apply: (subject: Case, input: Input, acting: Acting, itemId: string) => Change) =>
  staffStep({ schema, apply: (subject, input, acting, params) => apply(subject, input, acting, params[name] ?? '') });
const petitionerStep = <Input>(definition: Step<Input, { now: string; clock: Clock }>) => definition as PetitionerStep;

/** Every unit an acceptance names must be a region the system knows. */
async function checkUnitsExist(input: AcceptanceInput): Promise<void> {
  await requireUnitsExist(
    [
      ...(input.leadUnit ? [['leadUnit', input.leadUnit] as NamedUnit] : []),
      ...(input.coUnits ?? []).map((unit, i): NamedUnit => [`coUnits.${i}`, unit]),
      ...(input.forwardTo ? [['forwardTo', input.forwardTo] as NamedUnit] : []),
    ],
    'The decision names units that do not exist.',
  );
}

const STAFF_STEPS: Record<string, StaffStep> = {
  'POST /v1/cases/{id}/acceptance': staffStep({
    schema: acceptanceSchema,
    async apply(subject, input, acting) {
      await checkUnitsExist(input);
      return decideAcceptance(subject, input, acting);
    },
  }),
  'POST /v1/cases/{id}/receipt': staffStep({
    schema: receiptSchema,
    async apply(subject, input, acting) {
      if (input.suggestedUnit) await requireUnitsExist([['suggestedUnit', input.suggestedUnit]], 'The return suggests a unit that does not exist.');
      return decideReceipt(subject, input, acting);
    },
  }),
  'POST /v1/cases/{id}/reassignment': staffStep({
    schema: reassignmentSchema,
    async apply(subject, input, acting) {
      if (input.leadUnit) await requireUnitsExist([['leadUnit', input.leadUnit]], 'The ruling names a unit that does not exist.');
      return ruleOnReturn(subject, input, acting);
    },
  }),
  'POST /v1/cases/{id}/extension': staffStep({ schema: extensionSchema, apply: extendHandling }),
  'POST /v1/cases/{id}/extension/approval': staffStep({ schema: extensionApprovalSchema, apply: approveExtension }),
  'POST /v1/cases/{id}/reply': staffStep({ schema: replySchema, apply: replyToCase }),
  'POST /v1/cases/{id}/reply/approval': staffStep({ schema: replyApprovalSchema, apply: approveReply }),
  'POST /v1/cases/{id}/review-opinion': staffStep({ schema: reviewOpinionSchema, apply: giveReviewOpinion }),
  'POST /v1/cases/{id}/progress-notes': staffStep({ schema: progressNoteSchema, apply: addProgressNote }),
  'POST /v1/cases/{id}/pauses': staffStep({ schema: pauseRequestSchema, apply: requestPause }),
  'POST /v1/cases/{id}/pauses/{pauseId}/approval': itemStep(pauseApprovalSchema, 'pauseId', decidePause),
  'POST /v1/cases/{id}/pauses/{pauseId}/end': itemStep(pauseEndSchema, 'pauseId', endPause),
  'POST /v1/cases/{id}/co-handling': staffStep({
    schema: coHandlingRequestSchema,
    async apply(subject, input, acting) {
      await requireUnitsExist([['unit', input.unit]], 'The request names a unit that does not exist.');
      return askCoHandling(subject, input, acting);
    },
    answer(change) {
      const task = change.case.coHandling.at(-1) as Case['coHandling'][number];
      return { status: 201, body: { taskId: task.id, dueAt: task.dueAt } };
    },
  }),
  'POST /v1/cases/{id}/ownership': staffStep({ schema: ownershipSchema, apply: takeOwnership }),
  'POST /v1/cases/{id}/co-handling/{taskId}/opinion': itemStep(coHandlingOpinionSchema, 'taskId', giveCoHandlingOpinion),
  'POST /v1/cases/{id}/co-handling/{taskId}/closure': itemStep(coHandlingClosureSchema, 'taskId', closeCoHandling),
};

const PETITIONER_STEPS: Record<string, PetitionerStep> = {
  'POST /v1/cases/{id}/evaluation': petitionerStep({ schema: evaluationSchema, apply: (subject, input, { now }) => evaluate(subject, input, now) }),
  'POST /v1/cases/{id}/review-request': petitionerStep({
    schema: reviewRequestSchema,
    async apply(subject, input, { now, clock }) {
      const chain = await getRegionChain(subject.office ?? subject.regionCode);
      return requestReview(subject, input, { now, clock, above: chain?.slice(1) ?? [] });
    },
  }),
};

/** Two cases change: a possible repeat and the open case it is merged into. */
const MERGE_ROUTE = 'POST /v1/cases/{id}/merge';

async function save(before: Case, change: Change): Promise<void> {
  if ((await saveChange(before, change)) !== 'saved') {
    throw conflict('The case changed while you were acting on it: read it again and decide anew.');
  }
}

const sendNotices = noticeSender();
// An urge races other changes to the case: it reads it again, and then may find itself too soon.
const URGE_ATTEMPTS = 3;

/** The petitioner urges the case: of two urges at once, one is recorded and the other is too soon (429). */
async function urgeCase(request: ApiRequest): Promise<ApiAnswer> {
  const input = request.body(urgeSchema);
  const exhausted = () => new Error('the case kept changing while it was urged');
  const urging = await retryWhileStale(URGE_ATTEMPTS, exhausted, async () => {
    const found = await caseOfPetitioner(request);
    const urged = urge(found.case, input, { now: now(), clock: config.clock });
    return (await saveChange(found.case, urged.change)) === 'saved' ? urged : STALE;
  });
  try {
    await sendNotices([urging.notice]);
  } catch (error) {
    // The urge stands, and its history entry holds the notice staff see with the case.
    logger.warn('urge notice not sent', { caseId: urging.notice.caseId, error: errorSummary(error) });
  }
  return { status: 200, body: { urgedAt: urging.change.entry.at, nextAllowedAt: urging.nextAllowedAt } };
}

async function actAsStaff(request: ApiRequest, step: StaffStep): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const id = request.params.id ?? '';
  const subject = await findVisible(id, getCase, (found) => canSee(staff, found), `There is no case ${id} in your unit's scope.`);
  const input = request.body(step.schema);
  const at = now();
  const acting = { staff, now: at, clock: await calendarClock(at) };
  const change = withIdleClock(await step.apply(subject, input, acting, request.params), acting);
  await save(subject, change);
  return step.answer ? step.answer(change) : { status: 200, body: caseView(change.case) };
}

async function actAsPetitioner(request: ApiRequest, step: PetitionerStep): Promise<ApiAnswer> {
  const found = await caseOfPetitioner(request);
  const input = request.body(step.schema);
  const at = now();
  const change = await step.apply(found.case, input, { now: at, clock: await calendarClock(at) }, request.params);
  await save(found.case, change);
  return { status: 200, body: progressOf(change.case, [...found.history, change.entry]) };
}

export const handler = httpHandler(async (request) => {
  if (request.route === 'POST /v1/cases/{id}/urge') return urgeCase(request);
  if (request.route === MERGE_ROUTE) return { status: 200, body: caseView(await mergePossibleRepeat(requireStaff(request), request.params.id ?? '')) };
  const staffStep = STAFF_STEPS[request.route];
  if (staffStep) return actAsStaff(request, staffStep);
  const petitionerStep = PETITIONER_STEPS[request.route];
  if (petitionerStep) return actAsPetitioner(request, petitionerStep);
  throw new Error(`case-actions has no step for ${request.route}`);
});
