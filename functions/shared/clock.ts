/**
 * The time now, the one instant the handlers read. It comes from `Date`, so a
 * test moves it with vitest's fake timers (`vi.useFakeTimers({ toFake: ['Date'] })`
 * and `vi.setSystemTime`, or `vi.advanceTimersByTime`) instead of sleeping.
 */
export function now(): string {
  return new Date().toISOString();
}
