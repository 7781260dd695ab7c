/**
 * The deployer's own SMS or WeChat gateway: each SMS is an HTTP POST of JSON,
 * signed with a key the gateway shares, so it can tell our requests from
 * anyone else's and refuse a replayed one.
 */
import { createHmac } from 'node:crypto';
import { backOff } from '../shared/retry.ts';
import type { SmsSender } from './sms.ts';

const ATTEMPTS = 4;
const BASE_BACKOFF_MS = 100;
const TIMEOUT_MS = 5_000;

/** The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function webhookSignature(key: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A gateway's answer worth trying again: it was busy or failed, not a refusal of the request. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * Posts `{ id, phone, kind, text, at }` to `url` with `X-Petitions-Signature`
 * and `X-Petitions-Delivery` (the message's id, the same on every try). A
 * timeout, a network failure or a 408, 429 or 5xx is tried again after a
 * backoff, a few times; then, or on another 4xx, it throws.
 */
export function webhookSender(url: string, key: () => Promise<string>): SmsSender {
  return async (sms) => {
    const body = JSON.stringify({ id: sms.id, phone: sms.phone, kind: sms.kind, text: sms.text, at: sms.at });
    let last = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) await backOff(attempt - 1, BASE_BACKOFF_MS, { jitter: true });
      const signature = webhookSignature(await key(), Math.floor(Date.now() / 1000), body);
      try {
        const answer = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-petitions-signature': signature, 'x-petitions-delivery': sms.id },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await answer.body?.cancel();
        if (answer.ok) return;
        last = `status ${answer.status}`;
        if (!retryable(answer.status)) break;
      } catch (error) {
        last = (error as Error).name;
      }
    }
    throw new Error(`the webhook gateway did not accept the message (${last})`);
  };
}
