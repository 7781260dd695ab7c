import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// Crockford-style alphabet: no I, L, O, U, so a code read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh access code, e.g. "7KQ2-M9XD-3HTP": 60 random bits, shown once to the petitioner. */
export function newAccessCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

function canonical(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/**
 * What is stored instead of the code. A plain hash suffices: the code is random
 * with 60 bits of entropy, so there is no dictionary to try.
 */
export function hashAccessCode(code: string): string {
  return createHash('sha256').update(canonical(code)).digest('base64url');
}

/** Whether `code` is the one whose hash is `hash`, in constant time. */
export function accessCodeMatches(code: string, hash: string): boolean {
  const given = Buffer.from(hashAccessCode(code));
  const expected = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
