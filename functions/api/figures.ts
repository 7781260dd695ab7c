import { countersByPeriod, figuresOf, sum, type Counters } from '../domain/figures.ts';
import { publicFiguresOf, suppressionFor } from '../domain/public-figures.ts';
import { levelOfCode } from '../domain/units.ts';
import { DAY_MS } from '../domain/calendar.ts';
import { publicStatsQuery, statsQuery } from './queries.ts';
import { httpHandler, parseWith, requireStaff, type ApiRequest } from '../shared/http.ts';
import { readFigures } from '../store/figures.ts';
import { listCategories } from '../store/reference.ts';
import { knownRegion, regionInScope } from '../services/scope.ts';

type Range = { from: string; to: string; by?: 'week' | 'month' | undefined };
/** The figures shown of summed counters covering `days` days. */
type Shown = (counters: Counters, categories: readonly string[], days: number) => object;

/** A region's figures over the range, and by period when asked, as `show` shows them. */
async function answer(regionCode: string, range: Range, show: Shown) {
  const [{ days }, categories] = await Promise.all([readFigures(regionCode, range.from, range.to), listCategories()]);
  const codes = categories.map((category) => category.code);
  const length = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS + 1;
  const body: Record<string, unknown> = { regionCode, from: range.from, to: range.to, ...show(sum(days.map((d) => d.counters)), codes, length) };
  if (range.by) {
    body.by = range.by;
    body.periods = countersByPeriod(days, range.from, range.to, range.by).map((period) => ({ start: period.start, ...show(period.counters, codes, period.days) }));
  }
  return { status: 200, body };
}

/** GET /v1/stats: the figures of a region of the caller's subtree (their own region by default). */
async function staffFigures(request: ApiRequest) {
  const staff = requireStaff(request);
  const { regionCode, ...range } = parseWith(statsQuery, request.query, 'query');
  return answer(await regionInScope(staff, regionCode), range, figuresOf);
}

/**
 * GET /v1/stats/public: the same rates and volumes for anyone; counts only,
 * with small counts withheld where they could single someone out.
 */
async function publicFigures(request: ApiRequest) {
  const { regionCode, ...range } = parseWith(publicStatsQuery, request.query, 'query');
  const level = levelOfCode(await knownRegion(regionCode));
  // Small counts are withheld for a small area or a short range: the whole range's, and each period's.
  return answer(regionCode, range, (counters, codes, days) => publicFiguresOf(counters, codes, suppressionFor(level, days)));
}

export const handler = httpHandler(async (request) =>
  request.route === 'GET /v1/stats/public' ? publicFigures(request) : staffFigures(request),
);
