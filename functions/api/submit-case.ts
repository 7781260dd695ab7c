import { submissionSchema } from '../domain/intake.ts';
import { invalid, Problem } from '../domain/problem.ts';
import { coversRegion, regionOf, requireOfficeStaff, requireRole } from '../domain/staff.ts';
import { httpHandler, optionalStaffCheck } from '../shared/http.ts';
import { takeIn } from '../services/intake.ts';
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
    return answerOf(await takeIn(submission, { actor: 'petitioner' }, idempotencyKey));
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
  return answerOf(await takeIn(addressed, { actor: staff.sub }, idempotencyKey));
});

function answerOf(answer: Awaited<ReturnType<typeof takeIn>>) {
  return {
    status: answer.status,
    body: answer.body,
    ...(answer.location !== undefined && { headers: { location: answer.location } }),
  };
}
