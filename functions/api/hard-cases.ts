import { hardCaseCandidates, responsibilityList } from '../services/hard-cases.ts';
import { unitScope } from '../services/scope.ts';
import { config } from '../shared/config.ts';
import { now } from '../shared/clock.ts';
import { httpHandler, parseWith, requireStaff } from '../shared/http.ts';
import { hardCasesQuery } from './queries.ts';

/**
 * GET /v1/hard-cases: with `candidates=true`, the open cases of a unit that
 * are hard (包案候选); without, its responsibility list of owned cases. A unit
 * is the caller's own or one below it, scoped as the worklist is.
 */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const { unit, candidates, limit, cursor } = parseWith(hardCasesQuery, request.query, 'query');
  const scope = await unitScope(staff, unit);
  const paging = { limit, cursor, now: now() };
  const body = candidates === 'true' ? await hardCaseCandidates(scope, { ...paging, hardCaseAfter: config.clock.hardCaseAfter }) : await responsibilityList(scope, paging);
  return { status: 200, body };
});
