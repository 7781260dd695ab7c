/**
 * The sender chosen by configuration (PETITIONER_SENDER), its settings
 * checked when the function starts: a sender that is missing a setting, or
 * an `outbox` anywhere but locally, fails the start, naming it.
 */
import * as z from '../domain/zod.ts';
import { ENV, parseEnvironment, setting, url } from '../shared/env.ts';
import { readSecret } from '../shared/secrets.ts';
import { outboxSender } from './outbox.ts';
import type { SmsSender } from './sms.ts';
import { snsSmsSender } from './sns-sms.ts';
import { webhookSender } from './webhook.ts';

export const SENDER_KINDS = ['outbox', 'sns', 'webhook'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

const nonEmpty = z.string().check(z.minLength(1));
const senderSettings = z.discriminatedUnion(ENV.sender, [
  z.object({ [ENV.sender]: z.literal('outbox'), [ENV.outboxFile]: nonEmpty }),
  z.object({ [ENV.sender]: z.literal('sns') }),
  z.object({
    [ENV.sender]: z.literal('webhook'),
    [ENV.webhookUrl]: setting(url),
    [ENV.webhookKeyArn]: z.optional(nonEmpty),
    [ENV.webhookKey]: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters'))),
  }).check(z.refine((s) => (s[ENV.webhookKeyArn] === undefined) !== (s[ENV.webhookKey] === undefined), {
    message: `set one of ${ENV.webhookKeyArn} (AWS) or ${ENV.webhookKey}`,
    path: [ENV.webhookKeyArn],
  })),
]);

/** The sender the settings in `env` choose; throws a ConfigError naming what is missing or wrong. */
export function senderOf(env: Record<string, string | undefined>): SmsSender {
  const settings = parseEnvironment(senderSettings, env) as Record<string, string>;
  switch (settings[ENV.sender] as SenderKind) {
    case 'outbox':
      return outboxSender(settings[ENV.outboxFile] as string);
    case 'sns':
      return snsSmsSender();
    case 'webhook': {
      const arn = settings[ENV.webhookKeyArn];
      // Read once, at the first message: a rotated key takes effect when the function starts again.
      let key: Promise<string> | undefined;
      const keyOf = () =>
        (key ??= (arn ? readSecret(arn) : Promise.resolve(settings[ENV.webhookKey] as string)).catch((error: unknown) => {
          key = undefined;
          throw error;
        }));
      return webhookSender(settings[ENV.webhookUrl] as string, keyOf);
    }
  }
}
