import { randomUUID } from 'node:crypto';
import { hashAccessCode, newAccessCode } from '../domain/access-code.ts';
import { recordRepeat, registerCase, type Case } from '../domain/case.ts';
import type { Submission } from '../domain/intake.ts';
import { repeatNotice } from '../domain/hard-cases.ts';
import type { Notice } from '../domain/ladder.ts';
import { noticeSender } from '../queues/notices.ts';
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
const sendNotices = noticeSender();

/** Who registers a case: the petitioner online, or a member of staff. */
export interface Registrar {
  actor: string;
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
    if (saving === 'saved') {
      // A repeat on an owned matter goes to its owner (包案领导).
      if (open.ownership) await tellOwner(repeatNotice(open, open.ownership, change));
      return answer;
    }
    if (saving === 'answered' && idempotencyKey) return replayStored(idempotencyKey, requestHash);
    return STALE;
  });
}

/** Tells the owner's unit of a repeat; a lost notice is logged, the repeat stands (it is in the history). */
async function tellOwner(notice: Notice): Promise<void> {
  try {
    await sendNotices([notice]);
  } catch (error) {
    logger.warn('repeat notice to the owner not sent', { caseId: notice.caseId, error: errorSummary(error) });
  }
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
  const answerFor = (registered: Case): IntakeAnswer => ({
    requestHash,
    status: 201,
    location: `/v1/cases/${registered.id}`,
    // The access code is in the kept answer (for 24 hours) so that a retry can still hand it over.
    body: {
      id: registered.id,
      caseNumber: registered.caseNumber,
      accessCode,
      status: registered.status,
      receivedAt: registered.receivedAt,
      acceptanceDueAt: registered.acceptanceDueAt,
    },
  });
  const creation = await createCase(change.case, [change.entry], idempotencyKey ? (numbered) => ({ idempotencyKey, answer: answerFor(numbered) }) : undefined);
  if (creation.outcome === 'repeat') return joinOpenCase(creation.openCaseId, submission, registrar, requestHash, idempotencyKey);
  // Refused for an answer kept already: only a request with a key keeps one.
  if (creation.outcome === 'answered') return replayStored(idempotencyKey as string, requestHash);
  const registered = creation.case;

  try {
    await sendRouteCase([registered.id]);
  } catch (error) {
    logger.warn('routing message not sent; the sweep will send it', { caseId: registered.id, error: errorSummary(error) });
  }
  logger.info('case registered', { caseId: registered.id, channel: registered.channel, category: registered.category });
  return answerFor(registered);
}
