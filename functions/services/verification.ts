import { mobileNumber } from '../domain/petitioner.ts';
import { verificationText } from '../domain/petitioner-messages.ts';
import { invalid, Problem, tooMany } from '../domain/problem.ts';
import { checkProof, keyedHash, newVerification, rateWindows, VERIFICATION, type VerificationProof } from '../domain/verification.ts';
import { petitionerMessageSender } from '../queues/petitioner-messages.ts';
import { now } from '../shared/clock.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { countWrongTry, getVerification, lastRequestOf, markUsed, saveVerification } from '../store/verifications.ts';

const sendMessages = petitionerMessageSender();

const seconds = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / 1000;

/**
 * Starts a verification of `phone` and sends its code by SMS. The answer is
 * the same whether or not the phone is known: nothing about it is looked up.
 * Beyond a limit of the phone or of the client address, 429 with when to try again.
 */
export async function requestVerification(phone: string, address: string): Promise<{ verificationId: string; expiresAt: string }> {
  const key = deploymentKeys().verification;
  const at = now();
  const { verification, code } = newVerification(key, phone, at);
  const windows = rateWindows(verification.phoneHash, keyedHash(key, 'address', address), at);
  const refused = await saveVerification(verification, windows);
  if (refused.length > 0) {
    const waits = await Promise.all(
      refused.map(async (limit) => {
        if (limit !== 'phoneInterval') return seconds(at, windows.find((window) => window.limit === limit)?.endsAt ?? at);
        const last = await lastRequestOf(verification.phoneHash);
        return last ? seconds(at, last) + VERIFICATION.phoneIntervalMs / 1000 : 1;
      }),
    );
    logger.info('verification refused: limit', { limits: refused });
    throw tooMany('Too many codes asked for this phone or from this address: try again later.', Math.max(...waits));
  }
  try {
    await sendMessages([{ kind: 'direct-message', id: `verification.${verification.id}`, messageKind: 'verification', phone: mobileNumber(phone) ?? phone, text: verificationText(code) }]);
  } catch (error) {
    logger.error('verification code not sent', { verificationId: verification.id, error: errorSummary(error) });
    throw new Problem('unavailable', 'Not sent', 'The code could not be sent; nothing was changed by this request. Try again in a moment.');
  }
  logger.info('verification requested', { verificationId: verification.id });
  return { verificationId: verification.id, expiresAt: verification.codeExpiresAt };
}

const wrongCode = (reason: string) => invalid('The phone is not verified.', [{ path: 'verification.code', message: reason }]);

/**
 * Checks that `proof` verifies `phone` now (without it, the phone it was
 * sent to), or refuses with 400 (path `verification.code`): a wrong code
 * (which counts a try), a void, expired or unknown one, or one sent to
 * another phone. Answers the keyed hash of the phone verified.
 */
export async function proveVerification(proof: VerificationProof, phone?: string): Promise<string> {
  const key = deploymentKeys().verification;
  const at = now();
  const verification = await getVerification(proof.id);
  if (!verification) throw wrongCode('the code is wrong or has expired: ask for a new one');
  const check = checkProof(key, verification, proof, phone, at);
  if (check.outcome === 'wrong') {
    await countWrongTry(verification.id);
    logger.info('verification refused: wrong code', { verificationId: verification.id });
    throw wrongCode('the code is wrong');
  }
  if (check.outcome === 'refused') {
    logger.info('verification refused', { verificationId: verification.id });
    throw wrongCode(check.reason);
  }
  if (check.firstUse) await markUsed(verification.id, at);
  return verification.phoneHash;
}
