import { hashAccessCode, newAccessCode } from '../domain/access-code.ts';
import { isOpen, resetAccessCode } from '../domain/case.ts';
import { mobileNumber } from '../domain/petitioner.ts';
import { accessCodeText, phoneOf } from '../domain/petitioner-messages.ts';
import type { VerificationProof } from '../domain/verification.ts';
import { petitionerMessageSender } from '../queues/petitioner-messages.ts';
import { now } from '../shared/clock.ts';
import { logger } from '../shared/logger.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { caseIdsOfPhone, getCase, saveChange } from '../store/cases.ts';
import { proveVerification } from './verification.ts';

const sendMessages = petitionerMessageSender();

// A reset can lose a race with another change to the case; it then tries again.
const RESET_ATTEMPTS = 3;

/**
 * A petitioner who lost their access codes proves their phone: each open
 * case of that phone gets a new access code, sent by SMS to it, and the old
 * code stops working. Nothing is answered about the cases; no code is ever
 * in an answer.
 */
export async function recoverAccess(proof: VerificationProof): Promise<void> {
  const phoneHash = await proveVerification(proof);
  let recovered = 0;
  for (const id of await caseIdsOfPhone(phoneHash)) {
    const exhausted = () => new Error(`case ${id} kept changing while its access code was reset`);
    const reset = await retryWhileStale(RESET_ATTEMPTS, exhausted, async () => {
      const subject = await getCase(id);
      const phone = subject && mobileNumber(phoneOf(subject) ?? '');
      if (!subject || !phone || !isOpen(subject.status)) return undefined;
      const code = newAccessCode();
      const change = resetAccessCode(subject, { now: now(), accessCodeHash: hashAccessCode(code) });
      if ((await saveChange(subject, change)) !== 'saved') return STALE;
      return { phone, version: change.case.version, text: accessCodeText(change.case, code) };
    });
    if (!reset) continue;
    // Kept nowhere else: if this send fails, the petitioner asks again (a new verification, a new code).
    await sendMessages([{ kind: 'direct-message', id: `access-code.${id}.${reset.version}`, messageKind: 'access_code', phone: reset.phone, text: reset.text }]);
    recovered++;
  }
  logger.info('access recovered', { cases: recovered });
}
