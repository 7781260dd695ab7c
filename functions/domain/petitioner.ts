import { createHmac, type KeyObject } from 'node:crypto';

/** Mainland mobile (1xx xxxx xxxx) or landline (0xx-xxxxxxxx), optionally with +86. */
export const PHONE_PATTERN = /^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident identity number (GB 11643) with its ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** The check character that completes 17 digits into a valid identity number. */
export function idCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return ID_CHECK[sum % 11] as string;
}

/** A phone number as digits only, without the country code: one number written any of the ways PHONE_PATTERN allows is one string. */
export function normalizedPhone(phone: string): string {
  return phone.replace(/[^\d]/g, '').replace(/^86(?=1\d{10}$)/, '').replace(/^86(?=0)/, '');
}

/** A mainland mobile number (11 digits), the one kind of number an SMS reaches; `undefined` for a landline. */
export function mobileNumber(phone: string): string | undefined {
  const digits = normalizedPhone(phone);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/**
 * A one-way fingerprint of "this petitioner on this matter": the same identity
 * number (or else the same phone) with the same category and region. It lets
 * a repeat petition find its open case without any personal data in a key.
 * Keyed (HMAC-SHA256): phone numbers are few enough that an unkeyed hash
 * could be reversed by trying them all.
 *
 * @param key - the deployment's fingerprint key
 */
export function matterFingerprint(
  petitioner: { idNumber?: string | undefined; phone?: string | undefined },
  category: string,
  regionCode: string,
  key: KeyObject,
): string {
  const identity = petitioner.idNumber ? `id:${petitioner.idNumber}` : `phone:${normalizedPhone(petitioner.phone ?? '')}`;
  return createHmac('sha256', key).update(`${identity}\n${category}\n${regionCode}`).digest('base64url');
}
