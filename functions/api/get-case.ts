import { caseView } from '../domain/views.ts';
import { canSee } from '../domain/lifecycle.ts';
import { httpHandler, requireStaff } from '../shared/http.ts';
import { findVisible } from '../services/find-visible.ts';
import { getCaseWithHistory } from '../store/cases.ts';
import { groupOfCase } from '../store/matter-groups.ts';

/** GET /v1/cases/{id}: the whole case with its history and its matter group, for staff whose unit it concerns. */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const id = request.params.id ?? '';
  const found = await findVisible(id, getCaseWithHistory, (found) => canSee(staff, found.case), `There is no case ${id} in your unit's scope.`);
  return { status: 200, body: { ...caseView(found.case, found.history), matterGroup: await groupOfCase(id) } };
});
