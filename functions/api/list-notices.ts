import { httpHandler, pageQuery, parseWith, requireStaff } from '../shared/http.ts';
import { listNotices } from '../store/notices.ts';

/** GET /v1/notices: the deadline notices to the caller's unit (warnings, supervision, escalations), newest first. */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const { limit, cursor } = parseWith(pageQuery, request.query, 'query');
  return { status: 200, body: await listNotices(staff.unit, limit, cursor) };
});
