import { submissionSchema, type Submission } from '../domain/intake.ts';
import { invalid, Problem } from '../domain/problem.ts';
import { coversRegion, regionOf, requireOfficeStaff, requireRole } from '../domain/staff.ts';
import { httpHandler, optionalStaffCheck } from '../shared/http.ts';
import { takeIn } from '../services/intake.ts';
import { proveVerification } from '../services/verification.ts';
import { config } from '../shared/config.ts';
import { idempotencyKeyOf } from './queries.ts';

const optionalStaff = optionalStaffCheck();

/**
 * POST /v1/cases: registers a case; honours Idempotency-Key. Petitioners
 * submit online without a token; clerks of a petition office (not of a
 * department) register letters, visits, calls and
 * leader-visit cases of their unit's subtree with theirs.
 */
export const handler = httpHandler(async (request) => {
  const idempotencyKey = idempotencyKeyOf(request);
  const staff = await optionalStaff(request);
  const submission = request.body(submissionSchema);
  if (!staff) {
    if (submission.channel !== 'online') {
      throw new Problem('unauthorized', 'Staff only', `Only staff may register a case of channel "${submission.channel}".`);
    }
    return answerOf(await takeIn(submission, { actor: 'petitioner', proven: await phoneProven(submission) }, idempotencyKey));
  }
  requireRole(staff, 'register cases', 'clerk');
  // Departments handle what an office assigns them; they take no case in themselves.
  requireOfficeStaff(staff, 'Registering a case');
  const office = regionOf(staff);
  if (!coversRegion(staff, submission.regionCode)) {
    throw invalid('Staff register cases of their own unit and the units below it.', [
      { path: 'regionCode', message: `${submission.regionCode} is not within ${office}` },
    ]);
  }
  // A case brought to this office was addressed to it: over-level detection needs to know.
  const addressed = { ...submission, addressedTo: submission.addressedTo ?? office };
  return answerOf(await takeIn(addressed, { actor: staff.sub, proven: true }, idempotencyKey));
});

/**
 * Whether a petitioner's submission proves its phone: a verification, if it
 * carries one, must be good for the petitioner's phone (else 400); without
 * one it is refused where the policy asks for it (phoneVerification).
 */
async function phoneProven(submission: Submission): Promise<boolean> {
  if (submission.verification === undefined) {
    if (!config.clock.phoneVerification) return false;
    throw invalid('Verify the phone first: POST /v1/verifications sends a code to it.', [{ path: 'verification', message: 'required for an online submission' }]);
  }
  const phone = submission.petitioner.phone;
  if (phone === undefined) throw invalid('The verified phone is the petitioner\'s phone.', [{ path: 'petitioner.phone', message: 'required with a verification' }]);
  await proveVerification(submission.verification, phone);
  return true;
}

function answerOf(answer: Awaited<ReturnType<typeof takeIn>>) {
  return {
    status: answer.status,
    body: answer.body,
    ...(answer.location !== undefined && { headers: { location: answer.location } }),
  };
}
