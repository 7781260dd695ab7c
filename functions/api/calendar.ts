/**
 * China's statutory calendar: any year read by anyone (GET /v1/calendar), a
 * year replaced by an admin of a province unit (PUT /v1/calendar/{year}),
 * after which every open deadline is counted again.
 */
import { calendarYearFault, chinaDay, type CalendarYear } from '../domain/calendar.ts';
import { conflict, invalid, Problem } from '../domain/problem.ts';
import { isOfficeStaff, requireRole } from '../domain/staff.ts';
import { now } from '../shared/clock.ts';
import { httpHandler, parseWith, requireStaff, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { startCalendarRecount } from '../services/calendar-recount.ts';
import { getCalendarYears, getRegion, putCalendarYear } from '../store/reference.ts';
import { calendarQuery, calendarYearBody, calendarYearNumber } from './queries.ts';

/** A year as answered: `loaded: false` for a year nobody loaded, which counts weekends only. */
const yearView = (year: number, found: CalendarYear | undefined) => ({ year, daysOff: found?.daysOff ?? [], workdays: found?.workdays ?? [], loaded: found !== undefined });

async function read(request: ApiRequest): Promise<ApiAnswer> {
  const year = parseWith(calendarQuery, request.query, 'query').year ?? Number(chinaDay(now()).slice(0, 4));
  const [found] = await getCalendarYears(year, year);
  return { status: 200, body: yearView(year, found) };
}

async function replace(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  requireRole(staff, 'replace a calendar year', 'admin');
  if (!isOfficeStaff(staff) || (await getRegion(staff.unit))?.level !== 'province') {
    throw new Problem('forbidden', 'Not allowed', 'Only an admin of a province unit may replace a calendar year.');
  }
  const parsed = calendarYearNumber.safeParse(request.params.year);
  if (!parsed.success) throw invalid('The year is not valid.', [{ path: 'year', message: 'must be a year from 2000 to 2100' }]);
  const year: CalendarYear = { year: parsed.data, ...request.body(calendarYearBody) };
  const fault = calendarYearFault(year);
  if (fault) throw conflict(`The calendar of ${year.year} cannot be put in force: ${fault.path}: ${fault.message}.`);
  await putCalendarYear(year, staff.sub);
  await startCalendarRecount(year.year);
  return { status: 200, body: yearView(year.year, year) };
}

export const handler = httpHandler(async (request) => (request.route === 'PUT /v1/calendar/{year}' ? replace(request) : read(request)));
