import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SmsSender } from './sms.ts';

/**
 * AWS SMS through SNS, published to the phone number itself (no topic), as
 * a transactional message: SNS retries it on the carrier's side, and a
 * throttled or refused publish throws for the queue to try again.
 */
export function snsSmsSender(): SmsSender {
  const sns = new SNSClient({});
  return async ({ phone, text }) => {
    await sns.send(
      new PublishCommand({
        PhoneNumber: `+86${phone}`,
        Message: text,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );
  };
}
