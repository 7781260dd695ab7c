import { describe, expect, it } from 'vitest';
import { durationMs, MS_PER_DAY } from '../../functions/domain/duration.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';

describe('ISO-8601 durations', () => {
  it.each([
    ['P15D', 15 * MS_PER_DAY],
    ['P1W', 7 * MS_PER_DAY],
    ['PT2M', 120_000],
    ['P1DT1H30M', MS_PER_DAY + 5_400_000],
    ['PT0.5S', 500],
  ])('%s is %d ms', (iso, ms) => {
    expect(durationMs(iso)).toBe(ms);
  });

  it.each(['P', 'PT', '15D', 'P1M', 'P1Y', 'P-1D', 'P1DT', 'p15d', ''])('refuses %j', (iso) => {
    expect(() => durationMs(iso)).toThrow(RangeError);
  });
});

describe('the legal clock', () => {
  it('has the regulation defaults', () => {
    const clock = clockOf(DEFAULT_POLICY);
    expect(clock.acceptance).toBe(15 * MS_PER_DAY);
    expect(clock.handling).toBe(60 * MS_PER_DAY);
    expect(clock.maxExtension).toBe(30 * MS_PER_DAY);
    expect(clock.reviewRequestWindow).toBe(30 * MS_PER_DAY);
    expect(clock.reviewOpinion).toBe(30 * MS_PER_DAY);
  });

  it('divides every duration by the time scale, so a day can last a second', () => {
    const clock = clockOf(DEFAULT_POLICY, 86_400);
    expect(clock.acceptance).toBe(15_000);
    expect(clock.handling).toBe(60_000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a time scale of %d', (scale) => {
    expect(() => clockOf(DEFAULT_POLICY, scale)).toThrow(RangeError);
  });

  it('adds milliseconds to an instant as UTC', () => {
    expect(addMs('2026-01-31T23:00:00.000Z', 2 * 3_600_000)).toBe('2026-02-01T01:00:00.000Z');
  });
});
