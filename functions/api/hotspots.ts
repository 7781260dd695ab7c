import { sum } from '../domain/figures.ts';
import { GROUPING_POLICY, largestMatters } from '../domain/matter-groups.ts';
import { groupsOf } from '../store/matter-groups.ts';
import { rankHotspots } from '../domain/hotspots.ts';
import { httpHandler, parseWith, requireStaff } from '../shared/http.ts';
import { readFigures } from '../store/figures.ts';
import { childRegions } from '../store/reference.ts';
import { regionInScope } from '../services/scope.ts';
import { hotspotsQuery } from './queries.ts';

/** The largest matter groups named under each unit. */
const MATTERS = 3;

/**
 * GET /v1/hotspots?parentCode=&from=&to=&limit=: the units directly below a
 * region, ranked (see rankHotspots for the score). Read from the counters:
 * one query per unit, whatever the number of cases; and under each, its
 * largest matter groups (one matter, many petitioners).
 */
export const handler = httpHandler(async (request) => {
  const staff = requireStaff(request);
  const { parentCode, from, to, limit } = parseWith(hotspotsQuery, request.query, 'query');
  await regionInScope(staff, parentCode);
  const children = await childRegions(parentCode);
  const units = await Promise.all(
    children.map(async (region) => ({ region, counters: sum((await readFigures(region.code, from, to)).days.map((d) => d.counters)) })),
  );
  const groups = await groupsOf(parentCode, from, to, GROUPING_POLICY.windowMs);
  const items = rankHotspots(units, limit).map((hotspot) => ({ ...hotspot, matters: largestMatters(groups, hotspot.code, MATTERS) }));
  return { status: 200, body: { parentCode, from, to, items } };
});
