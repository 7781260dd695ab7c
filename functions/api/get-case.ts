import { caseView } from '../domain/case.ts';
import { canSee } from '../domain/lifecycle.ts';
import { notFound } from '../domain/problem.ts';
import { httpHandler, requireStaff } from '../shared/http.ts';
import { getCaseWithHistory } from '../store/cases.ts';

/** GET /v1/cases/{id}: the whole case with its history, for staff whose unit it concerns. */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const id = request.params.id ?? '';
  const found = id.length <= 100 ? await getCaseWithHistory(id) : undefined;
  // A case outside the caller's scope answers exactly as one that does not exist.
  if (!found || !canSee(staff, found.case)) throw notFound(`There is no case ${id} in your unit's scope.`);
  return { status: 200, body: caseView(found.case, found.history) };
});
