/**
 * The query strings (and the one report body) the routes parse, in one
 * module with no side effects: the handlers parse with them, and the wiring
 * names them for the API document (lib/openapi.ts).
 */
import { CASE_STATUSES } from '../domain/case.ts';
import { parentRegionCode, regionCode, text, unitId } from '../domain/fields.ts';
import { REPORT_KINDS } from '../domain/reports.ts';
import * as z from '../domain/zod.ts';
import { invalid } from '../domain/problem.ts';
import { fieldErrors, pageQuery, type ApiRequest } from '../shared/http.ts';
import { day, rangeChecks } from './date-range.ts';

export { pageQuery };

/** The Idempotency-Key header of the routes that honour one: 1 to 255 visible ASCII characters. */
export const idempotencyKey = z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 visible ASCII characters'));

/** The Idempotency-Key a request sends: `undefined` without one, 400 for one that is not {@link idempotencyKey}. */
export function idempotencyKeyOf(request: ApiRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  const check = key === undefined ? undefined : idempotencyKey.safeParse(key);
  if (check?.error) {
    throw invalid('The Idempotency-Key header is not valid.', fieldErrors(check.error).map((error) => ({ ...error, path: 'Idempotency-Key' })));
  }
  return key;
}

/** GET /v1/regions */
export const regionsQuery = z.extend(pageQuery, { parentCode: z.optional(regionCode) });

/** GET /v1/cases */
export const worklistQuery = z.extend(pageQuery, {
  status: z.optional(z.enum(CASE_STATUSES)),
  overdue: z.optional(z.enum(['true', 'false'])),
});

/** GET /v1/hard-cases: the caller's own unit by default; the candidates, or the responsibility list. */
export const hardCasesQuery = z.extend(pageQuery, {
  unit: z.optional(unitId),
  candidates: z.optional(z.enum(['true', 'false'])),
});

const figuresRange = { from: day, to: day, by: z.optional(z.enum(['week', 'month'])) };

/** GET /v1/stats: the caller's own region by default. */
export const statsQuery = z.strictObject({ regionCode: z.optional(regionCode), ...figuresRange }).check(...rangeChecks);

/** GET /v1/stats/public: the public names the region. */
export const publicStatsQuery = z.strictObject({ regionCode, ...figuresRange }).check(...rangeChecks);

/** GET /v1/hotspots */
export const hotspotsQuery = z
  .strictObject({
    parentCode: parentRegionCode,
    from: day,
    to: day,
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 10),
  })
  .check(...rangeChecks);

/** GET /v1/matter-groups: the caller's own region by default. */
export const matterGroupsQuery = z
  .strictObject({ ...pageQuery.shape, regionCode: z.optional(parentRegionCode), from: day, to: day })
  .check(...rangeChecks);

/** GET /v1/visits */
export const visitsQuery = z.extend(pageQuery, {
  regionCode,
  from: z.optional(z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date or date and time'))),
});

/** POST /v1/reports */
export const compileReportBody = z.strictObject({ kind: z.enum(REPORT_KINDS), regionCode: z.optional(parentRegionCode), day: z.optional(day) });

/** GET /v1/reports */
export const reportsQuery = z.extend(pageQuery, { regionCode: z.optional(parentRegionCode), kind: z.optional(z.enum(REPORT_KINDS)) });

/** A calendar year, in the path of PUT /v1/calendar/{year} and the query of GET /v1/calendar. */
export const calendarYearNumber = z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100));

/** GET /v1/calendar */
export const calendarQuery = z.strictObject({ year: z.optional(calendarYearNumber) });

/** PUT /v1/calendar/{year}: the year's holidays (days off, named) and make-up workdays (调休). */
export const calendarYearBody = z.strictObject({
  daysOff: z.array(z.strictObject({ date: day, name: text(50) })).check(z.maxLength(60)),
  workdays: z.array(day).check(z.maxLength(30)),
});
