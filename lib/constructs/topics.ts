import { CfnOutput } from 'aws-cdk-lib';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { TopicName } from '../../functions/queues/names.ts';
import { TOPICS } from '../wiring.ts';

/** SNS display names are at most 100 characters. */
const DISPLAY_NAME_MAX = 100;

/**
 * A topic's display name (the sender of its e-mails and SMS): its description
 * up to the first parenthesis or colon, e.g. `Deadline notices`.
 */
export function displayNameOf(description: string): string {
  return description.split(/[(:]/)[0]!.trim().slice(0, DISPLAY_NAME_MAX).trim();
}

/** `notices` -> `Notices`: the stem of a topic's output name. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The stack output that holds a topic's ARN, e.g. NoticesTopicArn. */
export function topicArnOutput(name: TopicName): string {
  return `${pascalCase(name)}TopicArn`;
}

/**
 * Each topic of the wiring: encrypted at rest with the AWS-managed SNS key,
 * TLS-only. The AWS-managed key suits a topic only our own functions publish
 * to: its key policy lets any principal of the account use it through SNS, so
 * publishers need no KMS grant; but another service (CloudWatch, EventBridge)
 * could not publish with it. Give such a topic a customer key instead:
 * `grantPublish` then grants kms:Decrypt and kms:GenerateDataKey* on it.
 */
export class Topics extends Construct {
  readonly byName = new Map<TopicName, Topic>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // cdk.json keeps @aws-cdk/aws-kms:applyImportedAliasPermissionsToPrincipal
    // false, against the recommended flags: with it, grantPublish on this
    // imported alias would grant kms:GenerateDataKey* on every key of the
    // account (key/*), which the AWS-managed key does not need (above).
    const masterKey = Alias.fromAliasName(this, 'AwsManagedSnsKey', 'alias/aws/sns');
    for (const wiring of TOPICS) {
      const topic = new Topic(this, wiring.name, {
        displayName: displayNameOf(wiring.description),
        masterKey,
        // Denies sns:Publish without TLS in the topic policy.
        enforceSSL: true,
      });
      this.byName.set(wiring.name, topic);
      new CfnOutput(scope, topicArnOutput(wiring.name), { value: topic.topicArn, description: wiring.description });
    }
  }

  get(name: TopicName): Topic {
    const found = this.byName.get(name);
    if (!found) throw new Error(`topic ${name} is not in the wiring`);
    return found;
  }
}
