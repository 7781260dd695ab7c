/** The date range every figure is asked for: `from` and `to`, inclusive, YYYY-MM-DD (China time). */
import { DAY_MS } from '../domain/calendar.ts';
import { day } from '../domain/fields.ts';
import * as z from '../domain/zod.ts';

export { day };

/** The longest range one request may cover: the reads stay bounded by days, never by cases. */
const MAX_DAYS = 400;

/** The checks of every figures range: `from` and `to` inclusive (YYYY-MM-DD, China time), in order, bounded. */
export const rangeChecks = [
  z.refine<{ from: string; to: string }>((q) => q.from <= q.to, { message: 'must not be after `to`', path: ['from'] }),
  z.refine<{ from: string; to: string }>((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_DAYS * DAY_MS, {
    message: `the range may span at most ${MAX_DAYS} days`,
    path: ['to'],
  }),
];

