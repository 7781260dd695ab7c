/**
 * The one codec of list cursors. A cursor is the position a list reached,
 * signed (HMAC-SHA256, the deployment's cursor key) together with the list's
 * name and the query it answered: a forged, altered, foreign or stale (signed
 * with a former secret) cursor is refused with a 400, never read.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '../domain/problem.ts';
import * as z from '../domain/zod.ts';
import { deploymentKeys } from '../shared/secrets.ts';

/** What a cursor is bound to: the parameters of the query it continues, in a fixed order. */
export type CursorBinding = ReadonlyArray<string | number | boolean | null | undefined | readonly string[]>;

/** A list's cursors: `encode` a position reached, `decode` a cursor back into one, or refuse it. */
export interface CursorCodec<Position> {
  encode(position: Position, binding: CursorBinding): string;
  /** The position a cursor names; a 400 problem `{ path: 'cursor' }` for any cursor this list did not give out for this query. */
  decode(cursor: string, binding: CursorBinding): Position;
}

const unknownCursor = () => invalid('The cursor is not one this list gave out for this query.', [{ path: 'cursor', message: 'unknown cursor' }]);

function signature(list: string, binding: CursorBinding, payload: string): Buffer {
  // JSON of the list name and binding: unambiguous where a plain join would not be.
  return createHmac('sha256', deploymentKeys().cursor).update(JSON.stringify([list, binding])).update('\n').update(payload).digest();
}

/**
 * The cursor codec of one list.
 *
 * @param list - the list's name, so that one list's cursor is refused by another
 * @param shape - the position's shape, checked again on decode (defence in depth behind the signature)
 */
export function cursorCodec<Position>(list: string, shape: z.ZodMiniType<Position>): CursorCodec<Position> {
  return {
    encode(position, binding) {
      const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${payload}.${signature(list, binding, payload).toString('base64url')}`;
    },
    decode(cursor, binding) {
      const [payload, signed, extra] = cursor.split('.');
      if (payload === undefined || signed === undefined || extra !== undefined) throw unknownCursor();
      const expected = signature(list, binding, payload);
      const given = Buffer.from(signed, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unknownCursor();
      let position: unknown;
      try {
        position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw unknownCursor();
      }
      const parsed = shape.safeParse(position);
      if (!parsed.success) throw unknownCursor();
      return parsed.data;
    },
  };
}
