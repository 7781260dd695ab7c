import { describe, expect, it } from 'vitest';
import { daysOpen, parseReportId, periodContaining, periodsEndingOn, previousPeriod, reportId } from '../../functions/domain/reports.ts';

describe('report periods', () => {
  it('are the week from Monday, the calendar month and the quarter that contain a day', () => {
    expect(periodContaining('weekly', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodContaining('weekly', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodContaining('monthly', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodContaining('monthly', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodContaining('quarterly', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('quarterly', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('know the period before, across a year', () => {
    expect(previousPeriod('weekly', { from: '2026-01-05', to: '2026-01-11' })).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(previousPeriod('monthly', { from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('quarterly', { from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('end on Sundays, on the last day of a month, and of a quarter', () => {
    expect(periodsEndingOn('2026-11-22')).toEqual(['weekly']);
    expect(periodsEndingOn('2026-11-30')).toEqual(['monthly']);
    expect(periodsEndingOn('2026-12-31')).toEqual(['monthly', 'quarterly']);
    expect(periodsEndingOn('2026-05-31')).toEqual(['weekly', 'monthly']);
    expect(periodsEndingOn('2026-11-18')).toEqual([]);
  });
});

describe('report ids', () => {
  it('name the region, the kind and the first day, and read back', () => {
    const id = reportId('330726', 'weekly', '2026-11-16');
    expect(id).toBe('330726-weekly-2026-11-16');
    expect(parseReportId(id)).toEqual({ regionCode: '330726', kind: 'weekly', from: '2026-11-16' });
    for (const bad of ['330726-yearly-2026-01-01', '3307-weekly-2026-11-16', '330726-weekly-2026-11', '']) expect(parseReportId(bad)).toBeUndefined();
  });

  it('count whole days open', () => {
    expect(daysOpen('2026-11-01T10:00:00.000Z', '2026-11-22T09:59:59.000Z')).toBe(20);
  });
});
