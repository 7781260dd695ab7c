/**
 * China's statutory calendar as shipped: the holidays and make-up workdays
 * (调休) from the `chinese-days` package, for the years it has. The State
 * Council publishes each year's arrangement in the autumn before, so the
 * package may lag a year: an admin loads that year (PUT /v1/calendar/{year}).
 */
import chineseDays from 'chinese-days';
import { addDays, type CalendarYear } from '../domain/calendar.ts';

/** The years shipped: this one and the next, as far as the package has them (1.5.7 has 2026, not 2027). */
export const SHIPPED_YEARS = [2026, 2027] as const;

/** A day's holiday name in the package ("Spring Festival,春节,4"), in Chinese; `undefined` on a day that is no holiday. */
function holidayName(name: string): string | undefined {
  const parts = name.split(',');
  return parts.length === 3 ? parts[1] : undefined;
}

/** A year as the package has it; `undefined` when it has no holiday in it (not published yet). */
export function shippedCalendarYear(year: number): CalendarYear | undefined {
  const daysOff: CalendarYear['daysOff'] = [];
  const workdays: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const detail = chineseDays.getDayDetail(day);
    const name = holidayName(detail.name);
    if (name === undefined) continue;
    if (detail.work) workdays.push(day);
    else daysOff.push({ date: day, name });
  }
  return daysOff.length > 0 ? { year, daysOff, workdays } : undefined;
}
