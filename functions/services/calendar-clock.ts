import { chinaDay, holidayCalendar } from '../domain/calendar.ts';
import { withCalendar, type Clock } from '../domain/policy.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { METRIC } from '../shared/metric-names.ts';
import { count } from '../shared/metrics.ts';
import { getCalendarYears } from '../store/reference.ts';

/**
 * The legal clock in force at `now`, counting its day limits by the
 * statutory calendar of last year, this year and next (a count never reaches
 * further). A scaled clock (TIME_SCALE) counts plain durations and reads no
 * calendar. A count that reaches into a year nobody loaded counts weekends
 * only there, and is logged and counted once per clock for operators.
 */
export async function calendarClock(now: string): Promise<Clock> {
  const clock = config.clock;
  if (Object.keys(clock.days).length === 0) return clock;
  const year = Number(chinaDay(now).slice(0, 4));
  const flagged = new Set<number>();
  const unloaded = (missing: number) => {
    if (flagged.has(missing)) return;
    flagged.add(missing);
    logger.warn('deadline counted into a calendar year not loaded: weekends only', { year: missing });
    count(METRIC.calendarYearsMissing);
  };
  return withCalendar(clock, holidayCalendar(await getCalendarYears(year - 1, year + 1), unloaded));
}
