/** The fields every request schema is made of, defined once. */
import { UNIT_PATTERN } from './units.ts';
import * as z from './zod.ts';

/** Text a person writes: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const regionCode = z.string().check(z.regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'must be a GB/T 2260 region code of 6, 9 or 12 digits'));

export const unitId = z.string().check(z.regex(UNIT_PATTERN, 'must be a unit id such as 330726 or 330726:housing'));
