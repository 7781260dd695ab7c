import { accessCodeMatches } from '../domain/access-code.ts';
import { progressOf } from '../domain/case.ts';
import { notFound, Problem } from '../domain/problem.ts';
import { httpHandler } from '../shared/http.ts';
import { getCaseWithHistory } from '../store/cases.ts';

/** GET /v1/cases/{id}/progress: the petitioner follows their own case with its access code. */
export const handler = httpHandler(async (request) => {
  const code = request.headers['x-access-code'];
  if (!code) {
    throw new Problem('unauthorized', 'Access code required', 'Send the access code given at submission as the X-Access-Code header.');
  }
  const id = request.params.id ?? '';
  const found = id.length <= 100 ? await getCaseWithHistory(id) : undefined;
  // A wrong code answers exactly as an unknown case does: nothing tells them apart.
  if (!found || !accessCodeMatches(code, found.case.accessCodeHash)) throw notFound(`There is no case ${id} for this access code.`);
  return { status: 200, body: progressOf(found.case, found.history) };
});
