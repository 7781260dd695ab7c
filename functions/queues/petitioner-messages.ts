import { BOOKING_CHANGES, MESSAGE_KINDS } from '../domain/petitioner-messages.ts';
import * as z from '../domain/zod.ts';
import { queueSender, type QueueSender } from './client.ts';
import type { QueueName } from './names.ts';

const PETITIONER_MESSAGE_QUEUE: QueueName = 'petitionerMessage';

const id = z.string().check(z.minLength(1), z.maxLength(100));

/** A milestone message of a case, kept with the case's change: the sender reads it, and the phone, from the table. */
const caseMessage = z.strictObject({ kind: z.literal('case-message'), caseId: id, version: z.number().check(z.int(), z.minimum(1)) });
export type CaseMessageRef = z.infer<typeof caseMessage>;

/**
 * A message kept nowhere else (a verification code, a recovered access
 * code): it carries its phone and text; `id` makes its delivery once.
 */
const directMessage = z.strictObject({
  kind: z.literal('direct-message'),
  id,
  messageKind: z.enum(MESSAGE_KINDS),
  phone: z.string().check(z.minLength(1), z.maxLength(30)),
  text: z.string().check(z.minLength(1), z.maxLength(500)),
});
export type DirectMessage = z.infer<typeof directMessage>;

/**
 * A change of a booking, or of its visit (`visitChange`: which of the visit's
 * changes), to tell its petitioner of: the sender reads the booking (its
 * phone) and its visit from the table, and sends it once.
 */
const bookingMessage = z.strictObject({
  kind: z.literal('booking-message'),
  visitId: id,
  ticket: z.number().check(z.int(), z.minimum(1)),
  change: z.enum(BOOKING_CHANGES),
  visitChange: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type BookingMessageRef = z.infer<typeof bookingMessage>;

export type PetitionerMessage = CaseMessageRef | DirectMessage | BookingMessageRef;

/**
 * Makes what sends messages to the petitioner-message queue; see
 * {@link queueSender}. Made at its first use, not when the module loads, so
 * that the store's readers (which bundle the module that writes changes but
 * never call it) send nothing and need no queue.
 */
export function petitionerMessageSender(): QueueSender<PetitionerMessage> {
  return queueSender(PETITIONER_MESSAGE_QUEUE, (message: PetitionerMessage) => message);
}

/** The message in an SQS body; throws on anything else (it will end in the dead-letter queue). */
export function parsePetitionerMessage(body: string): PetitionerMessage {
  return z.discriminatedUnion('kind', [caseMessage, directMessage, bookingMessage]).parse(JSON.parse(body));
}
