import { randomUUID } from 'node:crypto';
import { hashAccessCode, newAccessCode } from '../domain/access-code.ts';
import { asPossibleRepeat, recordRepeat, registerCase, type Change } from '../domain/case.ts';
import type { Submission } from '../domain/intake.ts';
import { routeCaseSender } from '../queues/routing.ts';
import { config } from '../shared/config.ts';
import { calendarClock } from './calendar-clock.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { createCase, getCase, saveChange } from '../store/cases.ts';
import type { Answering } from '../store/commit.ts';
import type { FirstAnswer } from '../store/idempotency.ts';
import { earlierAnswer, replayStored, requestHashOf } from './idempotency.ts';
import { caseReferences } from './references.ts';
import { now } from '../shared/clock.ts';

const sendRouteCase = routeCaseSender();

/** Who registers a case: the petitioner online, or a member of staff. */
export interface Registrar {
  actor: string;
  /**
   * Whether the caller proved who they are (staff, a verified phone, a
   * client app that vouches for it): only they may learn of and join an
   * open case of the same matter.
   */
  proven: boolean;
}

/** An intake answer: 201 for a new case, 200 for a repeat joining an open one. */
export type IntakeAnswer = FirstAnswer;

// A repeat can lose a race with another change to the open case; it then tries again.
const REPEAT_ATTEMPTS = 3;

/** The region and category must exist, and an addressee must be the region or above it. */
async function checkReferences(submission: Submission): Promise<void> {
  await caseReferences(
    {
      ...submission,
      check: (chain) =>
        submission.addressedTo !== undefined && !chain.some((region) => region.code === submission.addressedTo)
          ? [{ path: 'addressedTo', message: 'must be the case region or a region above it' }]
          : [],
    },
    'The submission names reference data that does not exist.',
  );
}

async function joinOpenCase(openCaseId: string, submission: Submission, registrar: Registrar, requestHash: string, idempotencyKey?: string): Promise<IntakeAnswer> {
  const exhausted = () => new Error(`case ${openCaseId} kept changing while a repeat was recorded`);
  return retryWhileStale(REPEAT_ATTEMPTS, exhausted, async () => {
    const open = await getCase(openCaseId);
    if (!open) throw new Error(`the open case ${openCaseId} of a matter does not exist`);
    const change = recordRepeat(open, { now: now(), channel: submission.channel, actor: registrar.actor });
    const answer: IntakeAnswer = { requestHash, status: 200, body: { id: open.id, repeat: true, status: open.status } };
    const answering: Answering | undefined = idempotencyKey ? { idempotencyKey, answer } : undefined;
    const saving = await saveChange(open, change, answering);
    if (saving === 'saved') return answer;
    if (saving === 'answered' && idempotencyKey) return replayStored(idempotencyKey, requestHash);
    return STALE;
  });
}

/**
 * Takes a case in: registers it (or, for a repeat, joins the open case) in
 * one transaction, then asks routing for it. The answer does not wait for
 * routing, and a lost routing message is sent again by the sweep.
 *
 * @param idempotencyKey - with it, a retry of the same request gets the first answer again
 */
export async function takeIn(submission: Submission, registrar: Registrar, idempotencyKey?: string): Promise<IntakeAnswer> {
  await checkReferences(submission);
  const requestHash = requestHashOf(registrar.actor, submission);
  const earlier = await earlierAnswer(idempotencyKey, requestHash);
  if (earlier) return earlier;

  const accessCode = newAccessCode();
  const at = now();
  const change = registerCase(submission, {
    id: randomUUID(),
    now: at,
    clock: await calendarClock(at),
    accessCodeHash: hashAccessCode(accessCode),
    routingRetryMs: config.routingRetryMs,
    actor: registrar.actor,
    fingerprintKey: deploymentKeys().fingerprint,
  });
  const answer = await create(change, accessCode, submission, registrar, requestHash, idempotencyKey);
  if (answer.status === 201) await sendToRouting((answer.body as { id: string }).id);
  return answer;
}

/**
 * Writes a registered case and answers 201 with its access code. When its
 * matter is open already, a proven caller joins the open case (200); an
 * unproven one's submission is written again as a case of its own, a
 * possible repeat for staff (201), and no other case changes.
 */
async function create(change: Change, accessCode: string, submission: Submission, registrar: Registrar, requestHash: string, idempotencyKey?: string): Promise<IntakeAnswer> {
  const registered = change.case;
  const answer: IntakeAnswer = {
    requestHash,
    status: 201,
    location: `/v1/cases/${registered.id}`,
    // The access code is in the kept answer (for 24 hours) so that a retry can still hand it over.
    body: {
      id: registered.id,
      accessCode,
      status: registered.status,
      receivedAt: registered.receivedAt,
      acceptanceDueAt: registered.acceptanceDueAt,
    },
  };
  const creation = await createCase(registered, [change.entry], idempotencyKey ? { idempotencyKey, answer } : undefined);
  if (creation.outcome === 'answered' && idempotencyKey) return replayStored(idempotencyKey, requestHash);
  if (creation.outcome === 'repeat') {
    if (registrar.proven) return joinOpenCase(creation.openCaseId, submission, registrar, requestHash, idempotencyKey);
    return create(asPossibleRepeat(change, creation.openCaseId), accessCode, submission, registrar, requestHash, idempotencyKey);
  }
  logger.info('case registered', { caseId: registered.id, channel: registered.channel, category: registered.category, possibleRepeat: registered.possibleRepeatOf !== undefined });
  return answer;
}

async function sendToRouting(caseId: string): Promise<void> {
  try {
    await sendRouteCase([caseId]);
  } catch (error) {
    logger.warn('routing message not sent; the sweep will send it', { caseId, error: errorSummary(error) });
  }
}
