import type { Limit } from '../../functions/domain/policy.ts';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ENV } from '../../functions/shared/env.ts';
import { environmentOf, FUNCTIONS, type FunctionName, type FunctionWiring, type TokenCheck } from '../wiring.ts';
import { PetitionFunction } from './petition-function.ts';
import type { Queues } from './queues.ts';
import type { DeploymentSecret } from './secrets.ts';
import type { Topics } from './topics.ts';

export interface FunctionsProps {
  table: ITable;
  /** The attachments' bucket, for the functions whose wiring reaches it. */
  bucket: IBucket;
  queues: Queues;
  topics: Topics;
  /** How the functions that serve an optional-auth route check staff tokens. */
  tokens: TokenCheck;
  /** The deployment secret, for the functions whose wiring reads it. */
  secret: DeploymentSecret;
  policy?: Record<string, Limit>;
  /** How SMS reach petitioners (default `sns`). */
  sender?: DeployedSender;
}

/**
 * The deployed sender: AWS SMS through SNS, or the deployer's gateway, whose
 * signing key is a Secrets Manager secret the deployer made (its ARN).
 * The local `outbox` is never deployed.
 */
export type DeployedSender = { kind: 'sns' } | { kind: 'webhook'; url: string; keyArn: string };

/** The sender's settings, as the sending functions read them. */
function senderSettings(sender: DeployedSender): Record<string, string> {
  return sender.kind === 'sns'
    ? { [ENV.sender]: 'sns' }
    : { [ENV.sender]: 'webhook', [ENV.webhookUrl]: sender.url, [ENV.webhookKeyArn]: sender.keyArn };
}

/**
 * What a sending function may do for its sender: with `sns`, publish to
 * phone numbers and nothing else (SMS has no resource ARN: every SNS
 * resource, a topic or an application endpoint, is excluded); with
 * `webhook`, read its signing key.
 */
function grantSending(fn: PetitionFunction, sender: DeployedSender): void {
  fn.function.addToRolePolicy(
    sender.kind === 'sns'
      ? new PolicyStatement({ actions: ['sns:Publish'], notResources: ['arn:aws:sns:*:*:*'] })
      : new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [sender.keyArn] }),
  );
}

/**
 * One function per wiring entry, granted the table actions its wiring lists
 * (on the table and its indexes) and the bucket actions (on the attachments'
 * objects), sending to its queues, publishing to its
 * topics and reading the deployment secret if it does. The CDK grants add
 * actions of their own (grantSendMessages adds GetQueueAttributes and
 * GetQueueUrl, for one): test/cdk/grants.test.ts holds each role to the
 * actions its function's bundle sends, and names each added one's reason.
 */
export class Functions extends Construct {
  readonly byName: Record<FunctionName, PetitionFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { table, queues, topics, tokens, sender = { kind: 'sns' } } = props;
    const byName: Partial<Record<FunctionName, PetitionFunction>> = {};
    for (const [name, wiring] of Object.entries(FUNCTIONS) as [FunctionName, FunctionWiring][]) {
      const fn = new PetitionFunction(this, name, {
        name,
        wiring,
        environment: environmentOf(name, {
          tableName: table.tableName,
          queueUrl: (queue) => queues.get(queue).queue.queueUrl,
          topicArn: (topic) => topics.get(topic).topicArn,
          tokens,
          secret: props.secret.source(),
          bucketName: props.bucket.bucketName,
          sender: senderSettings(sender),
        }),
        ...(props.policy ? { policy: props.policy } : {}),
      });
      if (wiring.table !== 'none') table.grant(fn.function, ...wiring.table.map((action) => `dynamodb:${action}`));
      if (wiring.secret) props.secret.grantValue(fn.function);
      // Exactly the wiring's object actions, on the two prefixes the code uses (Bucket.grantReadWrite would add more).
      if (wiring.bucket) {
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: wiring.bucket.map((action) => `s3:${action}`),
            resources: [props.bucket.arnForObjects('uploads/*'), props.bucket.arnForObjects('files/*')],
          }),
        );
      }
      for (const queue of wiring.sends) queues.get(queue).queue.grantSendMessages(fn.function);
      // sns:Publish on the topic; with a customer key, kms:Decrypt and kms:GenerateDataKey* on it too.
      for (const topic of wiring.publishes ?? []) topics.get(topic).grantPublish(fn.function);
      if (wiring.sender) grantSending(fn, sender);
      byName[name] = fn;
    }
    this.byName = byName as Record<FunctionName, PetitionFunction>;
  }
}
