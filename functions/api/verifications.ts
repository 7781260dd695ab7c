import { verificationRequestSchema } from '../domain/verification.ts';
import { httpHandler } from '../shared/http.ts';
import { requestVerification } from '../services/verification.ts';

/** POST /v1/verifications: a one-time code to the phone by SMS; the same answer for every phone. */
export const handler = httpHandler(async (request) => {
  const { phone } = request.body(verificationRequestSchema);
  return { status: 202, body: await requestVerification(phone, request.sourceIp) };
});
