import { submissionSchema } from '../domain/intake.ts';
import { invalid, Problem } from '../domain/problem.ts';
import { httpHandler } from '../shared/http.ts';
import { takeIn } from '../services/intake.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** POST /v1/cases: registers a case; honours Idempotency-Key. */
export const handler = httpHandler(async (request) => {
  const idempotencyKey = request.headers['idempotency-key'];
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw invalid('The Idempotency-Key header is not valid.', [
      { path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
  const submission = request.body(submissionSchema);
  // Staff identity comes with the lifecycle; until then only petitioners' online channel is open.
  if (submission.channel !== 'online') {
    throw new Problem('unauthorized', 'Staff only', `Only staff may register a case of channel "${submission.channel}".`);
  }
  const answer = await takeIn(submission, { actor: 'petitioner' }, idempotencyKey);
  return {
    status: answer.status,
    body: answer.body,
    ...(answer.location !== undefined && { headers: { location: answer.location } }),
  };
});
