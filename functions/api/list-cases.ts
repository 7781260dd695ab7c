import { OPEN_STATUSES } from '../domain/case.ts';
import { parseUnit } from '../domain/units.ts';
import { httpHandler, parseWith, requireStaff } from '../shared/http.ts';
import { listWorklist } from '../store/worklist.ts';
import { now } from '../shared/clock.ts';
import { worklistQuery } from './queries.ts';


/**
 * GET /v1/cases: the caller's worklist. A petition office sees the cases of
 * its region's subtree; a department the cases it leads or co-handles.
 * Without `status`, the open cases.
 */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const { status, overdue, limit, cursor } = parseWith(worklistQuery, request.query, 'query');
  const unit = parseUnit(staff.unit);
  const page = await listWorklist(unit.department === null ? { office: unit.region } : { unit: staff.unit }, {
    statuses: status ? [status] : OPEN_STATUSES,
    ...(overdue === 'true' && { overdueAt: now() }),
    limit,
    ...(cursor !== undefined && { cursor }),
  });
  return { status: 200, body: page };
});
