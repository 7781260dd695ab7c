import { progressOf } from '../domain/views.ts';
import { httpHandler } from '../shared/http.ts';
import { caseOfPetitioner } from '../services/petitioner-access.ts';

/** GET /v1/cases/{id}/progress: the petitioner follows their own case with its access code. */
export const handler = httpHandler(async (request) => {
  const found = await caseOfPetitioner(request);
  return { status: 200, body: progressOf(found.case, found.history) };
});
