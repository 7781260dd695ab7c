import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarYearFault,
  holidayCalendar,
  isDayOff,
  limitEnd,
  nextWorkingDay,
  type CalendarYear,
} from '../../functions/domain/calendar.ts';
import { acceptanceSchema, decideAcceptance, extendHandling } from '../../functions/domain/lifecycle.ts';
import { checkPolicyOverrides, clockOf, deadlineAfter, DEFAULT_POLICY, withCalendar } from '../../functions/domain/policy.ts';
import { recountDeadlines, recountFrom } from '../../functions/domain/recount-deadlines.ts';
import { shippedCalendarYear } from '../../functions/reference/calendar.ts';
import { routedDemoCase, ONE_STEP } from '../support/domain.ts';

const year2026 = shippedCalendarYear(2026) as CalendarYear;
const calendar = holidayCalendar([year2026]);
/** China time: an instant at hh:00 of a China day. */
const chinaAt = (day: string, hour = 10) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3_600_000).toISOString();
const endOf = (day: string) => `${day}T15:59:59.999Z`;

describe('the statutory calendar shipped from chinese-days', () => {
  it('has 2026 with the Spring Festival and its make-up Saturdays, and not yet 2027', () => {
    expect(year2026.daysOff).toContainEqual({ date: '2026-02-17', name: '春节' });
    expect(year2026.daysOff).toContainEqual({ date: '2026-10-01', name: '国庆节' });
    expect(year2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(calendarYearFault(year2026)).toBeUndefined();
    expect(shippedCalendarYear(2027)).toBeUndefined();
  });

  it('knows a make-up Saturday from a Saturday, and a holiday on a weekday from a working day', () => {
    expect(isDayOff('2026-02-14', calendar)).toBe(false); // Saturday, make-up workday before the Spring Festival
    expect(isDayOff('2026-02-28', calendar)).toBe(false); // Saturday, make-up workday after it
    expect(isDayOff('2026-03-07', calendar)).toBe(true); // an ordinary Saturday
    expect(isDayOff('2026-02-16', calendar)).toBe(true); // Monday in the Spring Festival
    expect(isDayOff('2026-02-24', calendar)).toBe(false); // the first working day after it
    expect(isDayOff('2026-10-10', calendar)).toBe(false); // Saturday after National Day
  });
});

describe('counting a limit (民法典 Arts 201, 203)', () => {
  it('counts from the day after the event and ends at the end of the last day, China time', () => {
    // Tuesday 3 March 2026, 10:00 in China: 15 days end on Wednesday 18 March, 23:59:59.999 China time.
    expect(limitEnd(chinaAt('2026-03-03'), { days: 15, working: false }, calendar)).toBe(endOf('2026-03-18'));
    // 01:00 on 4 March in China is still 3 March in UTC: the China day counts.
    expect(limitEnd('2026-03-03T17:00:00.000Z', { days: 1, working: false }, calendar)).toBe(endOf('2026-03-05'));
  });

  it('moves a calendar-day limit that ends in the Spring Festival to the next working day', () => {
    // 3 February + 15 days = 18 February, inside the holiday (15 to 23 February): it ends on Tuesday 24 February.
    expect(limitEnd(chinaAt('2026-02-03'), { days: 15, working: false }, calendar)).toBe(endOf('2026-02-24'));
  });

  it('counts working days across the Spring Festival, the make-up Saturday included', () => {
    // From Tuesday 10 February: 11, 12, 13, Saturday 14 (make-up), then nothing until Tuesday 24.
    expect(addWorkingDays('2026-02-10', 5, calendar)).toBe('2026-02-24');
    expect(limitEnd(chinaAt('2026-02-10'), { days: 5, working: true }, calendar)).toBe(endOf('2026-02-24'));
    // 15 working days from the same event: 24 February is the 5th, then 25, 26, 27, Saturday 28 (make-up), 2 March ...
    expect(addWorkingDays('2026-02-10', 15, calendar)).toBe('2026-03-09');
  });

  it('counts weekends only in a year nobody loaded, and says so', () => {
    const unloaded = vi.fn();
    const weekendsOnly = holidayCalendar([year2026], unloaded);
    // Friday 1 January 2027 is no day off without the 2027 arrangement; Saturday 2 January moves to Monday 4 January.
    expect(nextWorkingDay('2027-01-01', weekendsOnly)).toBe('2027-01-01');
    expect(limitEnd(chinaAt('2026-12-03'), { days: 30, working: false }, weekendsOnly)).toBe(endOf('2027-01-04'));
    expect(unloaded).toHaveBeenCalledWith(2027);
  });

  it('follows a 2027 year an admin loads: the Spring Festival of 2027 moves the limit', () => {
    // A year as an admin would load it once the State Council publishes it (these dates are the test's own).
    const year2027: CalendarYear = {
      year: 2027,
      daysOff: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
      workdays: ['2027-02-20'],
    };
    expect(calendarYearFault(year2027)).toBeUndefined();
    const loaded = holidayCalendar([year2026, year2027]);
    expect(limitEnd(chinaAt('2027-01-25'), { days: 15, working: false }, loaded)).toBe(endOf('2027-02-15'));
    expect(addWorkingDays('2027-02-18', 2, loaded)).toBe('2027-02-20'); // Friday 19, Saturday 20 (make-up)
    expect(isDayOff('2027-02-20', holidayCalendar([year2026]))).toBe(true);
  });

  it('refuses a year with a day outside it, a day listed twice, or a day both off and a workday', () => {
    expect(calendarYearFault({ year: 2027, daysOff: [{ date: '2026-12-31', name: '元旦' }], workdays: [] })).toMatchObject({ path: 'daysOff.0.date' });
    expect(calendarYearFault({ year: 2027, daysOff: [{ date: '2027-02-06', name: '春节' }], workdays: ['2027-02-06'] })).toMatchObject({ path: 'workdays.0' });
    expect(calendarYearFault({ year: 2027, daysOff: [], workdays: ['2027-02-20', '2027-02-20'] })).toMatchObject({ path: 'workdays.1' });
  });
});

describe('properties of the count', () => {
  const days = fc.integer({ min: 0, max: 2 * 365 - 1 }).map((offset) => addDays('2026-01-01', offset));
  const limits = fc.integer({ min: 1, max: 60 });
  const loaded = holidayCalendar([year2026, { year: 2027, daysOff: [{ date: '2027-02-08', name: '春节' }], workdays: ['2027-02-20'] }]);

  it('never ends a limit on a day off, in working or calendar days', () => {
    fc.assert(
      fc.property(days, limits, fc.boolean(), (day, n, working) => {
        const end = limitEnd(chinaAt(day), { days: n, working }, loaded);
        expect(isDayOff(end.slice(0, 10), loaded)).toBe(false);
      }),
    );
  });

  it('is monotonic: more days never end sooner, nor does a later event', () => {
    fc.assert(
      fc.property(days, limits, limits, fc.boolean(), (day, a, b, working) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(limitEnd(chinaAt(day), { days: fewer, working }, loaded) <= limitEnd(chinaAt(day), { days: more, working }, loaded)).toBe(true);
        expect(limitEnd(chinaAt(day), { days: fewer, working }, loaded) <= limitEnd(chinaAt(addDays(day, 1)), { days: fewer, working }, loaded)).toBe(true);
        expect(addWorkingDays(day, more, loaded) > addWorkingDays(day, fewer, loaded) || fewer === more).toBe(true);
      }),
    );
  });
});

describe('limits in the policy', () => {
  it('takes working days for the limits counted in days only', () => {
    expect(checkPolicyOverrides({ acceptance: { workingDays: 10 }, handling: 'P60D' })).toEqual({ acceptance: { workingDays: 10 }, handling: 'P60D' });
    expect(() => checkPolicyOverrides({ warningBefore: { workingDays: 2 } })).toThrow(/warningBefore must be a positive ISO-8601 duration/);
    expect(() => checkPolicyOverrides({ acceptance: { workingDays: 0 } })).toThrow(/acceptance must be \{ "workingDays": n \}/);
    expect(() => checkPolicyOverrides({ acceptance: { workingDays: 2, days: 1 } })).toThrow(/acceptance must be/);
  });

  it('counts by the calendar at the real time scale with one, as plain durations otherwise', () => {
    const policy = { ...DEFAULT_POLICY, acceptance: { workingDays: 10 } };
    const event = chinaAt('2026-02-10');
    expect(deadlineAfter(event, 'acceptance', withCalendar(clockOf(policy), calendar))).toBe(endOf('2026-03-02'));
    expect(deadlineAfter(event, 'acceptance', clockOf(policy))).toBe(new Date(Date.parse(event) + 10 * 86_400_000).toISOString());
    const scaled = withCalendar(clockOf(policy, 86_400), calendar);
    expect(scaled.days).toEqual({});
    expect(deadlineAfter(event, 'acceptance', scaled)).toBe(new Date(Date.parse(event) + 10_000).toISOString());
  });

  it('an extension moves a calendar deadline by days, to a working day', () => {
    const clock = withCalendar(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }), calendar);
    const staff = { sub: 'clerk', unit: '330726', roles: ['clerk' as const] };
    const accepted = decideAcceptance(routedDemoCase(chinaAt('2025-12-01'), clock), acceptanceSchema.parse({ decision: 'accept' }), { staff, now: chinaAt('2025-12-18'), clock }).case;
    // 18 December 2025 + 60 days = 16 February 2026, in the Spring Festival: 24 February.
    expect(accepted.handlingDueAt).toBe(endOf('2026-02-24'));
    const handler = { sub: 'handler', unit: '330726:housing', roles: ['handler' as const] };
    const extended = extendHandling(accepted, { days: 5, reason: '需现场勘查' }, { staff: handler, now: chinaAt('2026-01-05'), clock }).case;
    expect(extended.handlingDueAt).toBe(endOf('2026-03-02')); // 1 March is a Sunday
  });
});

describe('recounting after a calendar change', () => {
  it('moves the running deadline and the ladder with it, and nothing twice', () => {
    const before = withCalendar(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }), holidayCalendar([]));
    const received = routedDemoCase(chinaAt('2026-02-03'), before);
    expect(received.acceptanceDueAt).toBe(endOf('2026-02-18')); // weekends only: a Wednesday
    const after = withCalendar(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }), calendar);
    const change = recountDeadlines(received, { now: chinaAt('2026-02-05'), clock: after, year: 2026 });
    expect(change?.case.acceptanceDueAt).toBe(endOf('2026-02-24'));
    expect(change?.case.due).toEqual({ stage: 'acceptance', at: '2026-02-21T15:59:59.999Z', rung: 'warning' });
    expect(change?.entry).toMatchObject({ action: 'deadline_recounted', detail: { year: 2026, stage: 'acceptance' } });
    expect(recountDeadlines(change!.case, { now: chinaAt('2026-02-05'), clock: after, year: 2026 })).toBeUndefined();
  });

  it('reads the due index from the warning before the first day of the year', () => {
    expect(recountFrom(2027, clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }))).toBe('2026-12-28T15:59:59.999Z');
  });
});
