import { httpHandler, pageQuery, parseWith } from '../shared/http.ts';
import { caseOfPetitioner } from '../services/petitioner-access.ts';
import { listMessages } from '../store/petitioner-messages.ts';

/** GET /v1/cases/{id}/messages: what was sent to the petitioner about their case, with its access code; oldest first. */
export const handler = httpHandler(async (request) => {
  const found = await caseOfPetitioner(request);
  const { limit, cursor } = parseWith(pageQuery, request.query, 'query');
  const { items, nextCursor } = await listMessages(found.case.id, limit, cursor);
  return { status: 200, body: { items: items.map(({ at, kind, text, status }) => ({ at, kind, text, status })), nextCursor } };
});
