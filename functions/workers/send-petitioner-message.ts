import type { SQSRecord } from 'aws-lambda';
import { mobileNumber } from '../domain/petitioner.ts';
import { bookingCode } from '../domain/bookings.ts';
import { bookingMessageOf, phoneOf, type MessageKind } from '../domain/petitioner-messages.ts';
import { parsePetitionerMessage, type BookingMessageRef, type CaseMessageRef } from '../queues/petitioner-messages.ts';
import { senderOf } from '../senders/petitioner-sender.ts';
import type { Sms } from '../senders/sms.ts';
import { now } from '../shared/clock.ts';
import { logger } from '../shared/logger.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { queueConsumer } from '../shared/worker.ts';
import { bookingAt } from '../store/bookings.ts';
import { getCase } from '../store/cases.ts';
import { claimDelivery, claimMessage, getMessage, markDelivered, releaseDelivery, releaseMessage, settleMessage, type Claim } from '../store/petitioner-messages.ts';
import { getVisit } from '../store/visits.ts';

// Chosen and checked as the function starts.
const send = senderOf(process.env);

/** Whether to send: not when done already; another delivery under way is waited for (the message comes back later). */
function mustSend(claim: Claim, what: string): boolean {
  if (claim === 'busy') throw new Error(`${what} is being delivered by another delivery; tried again later`);
  return claim === 'claimed';
}

/** Sends; a send that fails gives up its claim (so its next try sends at once) and throws. */
async function sendOrRelease(sms: Sms, release: () => Promise<void>): Promise<void> {
  try {
    await send(sms);
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
}

/**
 * A case's milestone message: sent to the case's phone unless it was sent
 * already (a redelivery, a redrive), then marked sent. A case without a
 * mobile number marks it unreachable. What the logs say holds ids and kinds,
 * never the phone or the text.
 */
async function sendCaseMessage({ caseId, version }: CaseMessageRef): Promise<void> {
  const message = await getMessage(caseId, version);
  if (!message) throw new Error(`case ${caseId} has no message of version ${version}`);
  if (!mustSend(await claimMessage(caseId, version, now()), `message ${version} of case ${caseId}`)) return;
  const subject = await getCase(caseId);
  const phone = subject && mobileNumber(phoneOf(subject) ?? '');
  if (!phone) {
    await settleMessage(caseId, version, 'unreachable', now());
    logger.info('petitioner message unreachable', { caseId, version, kind: message.kind });
    return;
  }
  await sendOrRelease({ id: `${caseId}.${version}`, phone, kind: message.kind, text: message.text, at: message.at }, () => releaseMessage(caseId, version));
  await settleMessage(caseId, version, 'sent', now());
  logger.info('petitioner message sent', { caseId, version, kind: message.kind });
}

/** A message kept nowhere else (a code, a booking's change): sent once, by its id. */
async function sendOnce(message: { id: string; phone: string; kind: MessageKind; text: string }): Promise<void> {
  const at = now();
  if (!mustSend(await claimDelivery(message.id, at), `message ${message.id}`)) return;
  await sendOrRelease({ ...message, at }, () => releaseDelivery(message.id));
  await markDelivered(message.id, at);
  logger.info('petitioner message sent', { messageId: message.id, kind: message.kind });
}

/** A change of a booking or its visit: its text written from the booking and its visit as they are, sent once per (booking, change[, visit's change]). */
async function sendBookingMessage({ visitId, ticket, change, visitChange }: BookingMessageRef): Promise<void> {
  const [booking, visit] = await Promise.all([bookingAt(visitId, ticket), getVisit(visitId)]);
  if (!booking || !visit) throw new Error(`visit ${visitId} has no booking ${ticket}`);
  const { kind, text } = bookingMessageOf(change, booking, visit, bookingCode(deploymentKeys().verification, booking.id), visitChange);
  await sendOnce({ id: `booking.${booking.id}.${change}${visitChange === undefined ? '' : `.${visitChange}`}`, phone: booking.phone, kind, text });
}

/** Delivers messages to petitioners through the configured sender; a failed send comes back, then goes to the dead-letter queue. */
export async function sendPetitionerMessage(record: SQSRecord): Promise<void> {
  const message = parsePetitionerMessage(record.body);
  if (message.kind === 'case-message') await sendCaseMessage(message);
  else if (message.kind === 'booking-message') await sendBookingMessage(message);
  else await sendOnce({ id: message.id, phone: message.phone, kind: message.messageKind, text: message.text });
}

export const handler = queueConsumer(sendPetitionerMessage);
