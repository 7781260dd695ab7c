import { accessRecoverySchema } from '../domain/verification.ts';
import { httpHandler } from '../shared/http.ts';
import { recoverAccess } from '../services/access-recovery.ts';

/** POST /v1/access-recovery: new access codes by SMS for each open case of a verified phone; the old ones stop working. */
export const handler = httpHandler(async (request) => {
  const { verification } = request.body(accessRecoverySchema);
  await recoverAccess(verification);
  return { status: 202, body: {} };
});
