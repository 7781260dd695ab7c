/** The fields every request schema is made of, defined once. */
import { dayOfMs, msOfDay } from './calendar.ts';
import { PARENT_REGION_CODE_PATTERN, REGION_CODE_PATTERN, UNIT_PATTERN } from './units.ts';
import * as z from './zod.ts';

/**
 * What no text a person writes may hold: control characters (C0, DEL, C1),
 * invisible format characters (zero-width spaces and joiners, the byte-order
 * mark, bidirectional marks, embeddings, overrides and isolates, the soft
 * hyphen), line and paragraph separators, and unpaired surrogates. They hide
 * or reorder what a reader sees (a title that reads differently on the
 * report page than it is stored), break the page and the exports, and make
 * two equal-looking texts differ, so repeats go unnoticed.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
/** The same, less the ordinary line breaks and tabs that long text may have. */
const HIDDEN_IN_LONG_TEXT = /(?![\n\r\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** A character text may not hold, as `U+202E`, and where it is (in UTF-16 units); `undefined` if there is none. */
export function hiddenCharacter(value: string, lines: 'one line' | 'lines'): { codePoint: string; at: number } | undefined {
  const match = (lines === 'lines' ? HIDDEN_IN_LONG_TEXT : HIDDEN).exec(value);
  if (!match) return undefined;
  return { codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, at: match.index };
}

const visibleText = (lines: 'one line' | 'lines', max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((value) => hiddenCharacter(value, lines) === undefined, {
      error: (issue) => {
        const hidden = hiddenCharacter(String(issue.input), lines)!;
        const allowed = lines === 'lines' ? ' (line breaks and tabs are allowed)' : '';
        return `must not contain control, invisible formatting or bidirectional characters, or unpaired surrogates${allowed}: ${hidden.codePoint} at ${hidden.at}`;
      },
    }),
  );

/**
 * Text a person writes on one line (a title, a name, a venue): trimmed, not
 * empty, at most `max` characters, none of them hidden (see {@link hiddenCharacter}).
 */
export const text = (max: number) => visibleText('one line', max);

/**
 * Text a person writes at length (a petition's content, an opinion, a
 * reason, a comment): as {@link text}, but line breaks and tabs are allowed.
 */
export const longText = (max: number) => visibleText('lines', max);

export const regionCode = z.string().check(z.regex(REGION_CODE_PATTERN, 'must be a GB/T 2260 region code of 6, 9 or 12 digits'));

/** The code of a region with regions below it: a province, city, county or township, not a village. */
// A pattern rather than a refinement, so that the API document says it too.
export const parentRegionCode = z.string().check(z.regex(PARENT_REGION_CODE_PATTERN, 'must be the code of a region with units below it (6 or 9 digits)'));

export const unitId = z.string().check(z.regex(UNIT_PATTERN, 'must be a unit id such as 330726 or 330726:housing'));

/** A real calendar day, YYYY-MM-DD. */
export const day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  z.refine((value) => !Number.isNaN(msOfDay(value)) && dayOfMs(msOfDay(value)) === value, 'must be a real date'),
);
