import { sum } from '../domain/figures.ts';
import { parentRegionCode } from '../domain/fields.ts';
import { rankHotspots } from '../domain/hotspots.ts';
import * as z from '../domain/zod.ts';
import { httpHandler, parseWith, requireStaff } from '../shared/http.ts';
import { readFigures } from '../store/figures.ts';
import { childRegions } from '../store/reference.ts';
import { regionInScope } from '../services/scope.ts';
import { day, rangeChecks } from './date-range.ts';

const query = z
  .strictObject({
    parentCode: parentRegionCode,
    from: day,
    to: day,
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 10),
  })
  .check(...rangeChecks);

/**
 * GET /v1/hotspots?parentCode=&from=&to=&limit=: the units directly below a
 * region, ranked (see rankHotspots for the score). Read from the counters:
 * one query per unit, whatever the number of cases.
 */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const { parentCode, from, to, limit } = parseWith(query, request.query, 'query');
  await regionInScope(staff, parentCode);
  const children = await childRegions(parentCode);
  const units = await Promise.all(
    children.map(async (region) => ({ region, counters: sum((await readFigures(region.code, from, to)).days.map((d) => d.counters)) })),
  );
  return { status: 200, body: { parentCode, from, to, items: rankHotspots(units, limit) } };
});
