import type { MessageKind } from '../domain/petitioner-messages.ts';

/** One SMS to a petitioner: `id` is the same on every try of one message, for a gateway to drop a duplicate. */
export interface Sms {
  id: string;
  /** A mainland mobile number, 11 digits. */
  phone: string;
  kind: MessageKind;
  text: string;
  at: string;
}

/** Hands an SMS to its channel; throws when it was not accepted (the queue tries again, then keeps it in its dead-letter queue). */
export type SmsSender = (sms: Sms) => Promise<void>;
