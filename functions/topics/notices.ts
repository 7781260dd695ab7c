import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Notice } from '../domain/ladder.ts';
import { needsSetting, requireEnv, topicArnEnv } from '../shared/env.ts';
import type { TopicName } from '../queues/names.ts';

// The endpoint comes from the environment (AWS_ENDPOINT_URL_SNS locally).
const sns = new SNSClient({});

const NOTICES_TOPIC: TopicName = 'notices';
// Loaded only by the function that publishes notices.
needsSetting(topicArnEnv(NOTICES_TOPIC));

/**
 * Publishes a notice for operators and gateways (SMS, e-mail) subscribed to
 * the notices topic. Attributes let a subscription filter by kind and level.
 */
export async function publishNotice(notice: Notice): Promise<void> {
  await sns.send(
    new PublishCommand({
      TopicArn: requireEnv(topicArnEnv(NOTICES_TOPIC)),
      Subject: `petitions: ${notice.kind} of case ${notice.caseId}`,
      Message: JSON.stringify(notice),
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: notice.kind },
        level: { DataType: 'String', StringValue: notice.level ?? 'none' },
      },
    }),
  );
}
