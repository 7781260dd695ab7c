import { figuresOf, seriesOf, sum } from '../domain/figures.ts';
import { invalid } from '../domain/problem.ts';
import { regionCode } from '../domain/fields.ts';
import * as z from '../domain/zod.ts';
import { day, rangeChecks } from './date-range.ts';
import { httpHandler, parseWith, requireStaff, type ApiRequest } from '../shared/http.ts';
import { readFigures } from '../store/figures.ts';
import { listCategories } from '../store/reference.ts';
import { knownRegion, regionInScope } from '../services/scope.ts';

const query = z
  .strictObject({
    regionCode: z.optional(regionCode),
    from: day,
    to: day,
    by: z.optional(z.enum(['week', 'month'])),
  })
  .check(...rangeChecks);

async function answer(regionCode: string, request: { from: string; to: string; by?: 'week' | 'month' | undefined }) {
  const [{ days }, categories] = await Promise.all([readFigures(regionCode, request.from, request.to), listCategories()]);
  const codes = categories.map((category) => category.code);
  const body: Record<string, unknown> = { regionCode, from: request.from, to: request.to, ...figuresOf(sum(days.map((d) => d.counters)), codes) };
  if (request.by) {
    body.by = request.by;
    body.periods = seriesOf(days, request.from, request.to, request.by, codes);
  }
  return { status: 200, body };
}

/** GET /v1/stats: the figures of a region of the caller's subtree (their own region by default). */
async function staffFigures(request: ApiRequest) {
  const staff = requireStaff(request);
  const { regionCode, ...range } = parseWith(query, request.query, 'query');
  return answer(await regionInScope(staff, regionCode), range);
}

/** GET /v1/stats/public: the same rates and volumes for anyone; counts only, nothing that identifies anyone. */
async function publicFigures(request: ApiRequest) {
  const { regionCode, ...range } = parseWith(query, request.query, 'query');
  if (!regionCode) throw invalid('Name the region.', [{ path: 'regionCode', message: 'required' }]);
  return answer(await knownRegion(regionCode), range);
}

export const handler = httpHandler(async (request) =>
  request.route === 'GET /v1/stats/public' ? publicFigures(request) : staffFigures(request),
);
