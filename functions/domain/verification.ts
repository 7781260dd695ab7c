/**
 * Phone verification (实名/手机验证): a one-time SMS code proves that whoever
 * submits holds the phone. Codes, phones and client addresses are kept only
 * as keyed hashes. Every time here is wall-clock time, never scaled by
 * TIME_SCALE: it bounds what an attacker may try, not a legal clock.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { mobileNumber } from './petitioner.ts';
import * as z from './zod.ts';

export const VERIFICATION = {
  /** A code must be used within this. */
  codeTtlMs: 5 * 60_000,
  /** Once used, it stays good for that phone's requests for this. */
  usedWindowMs: 30 * 60_000,
  /** Wrong tries that void a code. */
  maxTries: 5,
  /** At most one request per phone in this... */
  phoneIntervalMs: 60_000,
  /** ...and this many per phone a day... */
  phoneDaily: 10,
  /** ...and this many per client address an hour. */
  addressHourly: 30,
} as const;

const mobile = z.string().check(z.trim(), z.refine((phone) => mobileNumber(phone) !== undefined, 'must be a mainland mobile number (the code comes by SMS)'));

/** POST /v1/verifications. */
export const verificationRequestSchema = z.strictObject({ phone: mobile });

/** What proves a phone: the verification's id and the code the SMS brought. */
export const verificationProofSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'must be the 6-digit code sent by SMS')),
});
export type VerificationProof = z.infer<typeof verificationProofSchema>;

/** POST /v1/access-recovery: a verified phone. */
export const accessRecoverySchema = z.strictObject({ verification: verificationProofSchema });

/** A verification as kept: hashes and times only. */
export interface Verification {
  id: string;
  phoneHash: string;
  codeHash: string;
  createdAt: string;
  codeExpiresAt: string;
  tries: number;
  /** When the code was first used; it is good until `usedAt` + 30 minutes. */
  usedAt: string | null;
}

/** A keyed hash of a phone (as its 11 digits), a client address, or a code of one verification. */
export function keyedHash(key: KeyObject, purpose: 'phone' | 'address' | 'code', value: string): string {
  return createHmac('sha256', key).update(`${purpose}\n${value}`).digest('base64url');
}

export const phoneHashOf = (key: KeyObject, phone: string): string => keyedHash(key, 'phone', mobileNumber(phone) ?? phone);

/** A new verification of `phone`, and its code (sent by SMS, never kept). */
export function newVerification(key: KeyObject, phone: string, now: string): { verification: Verification; code: string } {
  const id = randomUUID();
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  return {
    code,
    verification: {
      id,
      phoneHash: phoneHashOf(key, phone),
      codeHash: keyedHash(key, 'code', `${id}\n${code}`),
      createdAt: now,
      codeExpiresAt: new Date(Date.parse(now) + VERIFICATION.codeTtlMs).toISOString(),
      tries: 0,
      usedAt: null,
    },
  };
}

/** What a proof is worth: good (first use or within the used window), or refused with why. */
export type ProofCheck = { outcome: 'good'; firstUse: boolean } | { outcome: 'wrong' } | { outcome: 'refused'; reason: string };

/** Checks a proof against its verification at `now`, of `phone` if given (else of the phone it was sent to). A wrong code counts a try. */
export function checkProof(key: KeyObject, verification: Verification, proof: VerificationProof, phone: string | undefined, now: string): ProofCheck {
  if (verification.tries >= VERIFICATION.maxTries) return { outcome: 'refused', reason: 'the code is void after too many wrong tries: ask for a new one' };
  const given = Buffer.from(keyedHash(key, 'code', `${verification.id}\n${proof.code}`));
  const expected = Buffer.from(verification.codeHash);
  if (!(given.length === expected.length && timingSafeEqual(given, expected))) return { outcome: 'wrong' };
  if (phone !== undefined && phoneHashOf(key, phone) !== verification.phoneHash) return { outcome: 'refused', reason: 'the code was sent to another phone' };
  if (verification.usedAt !== null) {
    const goodUntil = Date.parse(verification.usedAt) + VERIFICATION.usedWindowMs;
    return Date.parse(now) < goodUntil ? { outcome: 'good', firstUse: false } : { outcome: 'refused', reason: 'the code has expired: ask for a new one' };
  }
  if (now >= verification.codeExpiresAt) return { outcome: 'refused', reason: 'the code has expired: ask for a new one' };
  return { outcome: 'good', firstUse: true };
}

/** A limit on asking for codes: at most `max` in the window named `window`, which ends at `endsAt`. */
export interface RateWindow {
  limit: 'phoneDaily' | 'addressHourly';
  subject: string;
  window: string;
  max: number;
  endsAt: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The counted limits a request for a code at `now` falls under: its phone's day (China time) and its address's hour. */
export function rateWindows(phoneHash: string, addressHash: string, now: string): RateWindow[] {
  const at = Date.parse(now);
  const day = Math.floor((at + CHINA_OFFSET_MS) / 86_400_000);
  const hour = Math.floor(at / 3_600_000);
  return [
    { limit: 'phoneDaily', subject: phoneHash, window: String(day), max: VERIFICATION.phoneDaily, endsAt: new Date((day + 1) * 86_400_000 - CHINA_OFFSET_MS).toISOString() },
    { limit: 'addressHourly', subject: addressHash, window: String(hour), max: VERIFICATION.addressHourly, endsAt: new Date((hour + 1) * 3_600_000).toISOString() },
  ];
}
