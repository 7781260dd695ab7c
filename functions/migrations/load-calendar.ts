import { SHIPPED_YEARS, shippedCalendarYear } from '../reference/calendar.ts';
import { addCalendarYear } from '../store/reference.ts';
import type { Migration } from './migration.ts';

/**
 * The statutory calendar's shipped years enter the table, existing
 * deployments included: each year only where none is loaded, so a year an
 * admin replaced stays as they left it. One page: a few items.
 */
export const loadCalendar: Migration = {
  id: '2026-12-02-load-calendar',
  description: "China's statutory holidays and make-up workdays of the shipped years, where no year is loaded",
  async run() {
    const years = SHIPPED_YEARS.flatMap((year) => shippedCalendarYear(year) ?? []);
    const written = await Promise.all(years.map((year) => addCalendarYear(year, 'system:release')));
    return { read: years.length, changed: written.filter(Boolean).length };
  },
};
