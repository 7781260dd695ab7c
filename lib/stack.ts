import { Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { checkPolicyOverrides, type Limit, type Policy } from '../functions/domain/policy.ts';
import { policyOverrides } from '../functions/shared/env.ts';
import { Api } from './constructs/api.ts';
import { AttachmentBucket } from './constructs/attachment-bucket.ts';
import { OperationsDashboard } from './constructs/dashboard.ts';
import { Data } from './constructs/data.ts';
import { Functions, type DeployedSender } from './constructs/functions.ts';
import { Identity } from './constructs/identity.ts';
import { Observability } from './constructs/observability.ts';
import { Pages } from './constructs/pages.ts';
import { Queues } from './constructs/queues.ts';
import { Schedules } from './constructs/schedules.ts';
import { DeploymentSecret } from './constructs/secrets.ts';
import { Seed } from './constructs/seed.ts';
import { Topics } from './constructs/topics.ts';
import { Workers } from './constructs/workers.ts';

export interface PetitionsStackProps extends StackProps {
  /** Policy overrides, ISO-8601 durations or working days (e.g. { acceptance: 'P10D' }), given to every function as POLICY. */
  policy?: Record<string, Limit>;
  /** Load the demo reference data on deploy (default true). */
  seedDemoData?: boolean;
  /** Where the alarms are mailed (every alarm notifies one topic, with or without it). */
  alarmEmail?: string;
  /** Open cases past due before the overdue-backlog alarm fires (default 50). */
  overdueBacklogThreshold?: number;
  /** The origins of the pages that upload attachments from a browser (the bucket's CORS); any by default. */
  attachmentOrigins?: string[];
  /** The county's own address for the petitioner's pages (with `pagesCertificateArn`); CloudFront's by default. */
  pagesDomain?: string;
  /** An ACM certificate in us-east-1 for `pagesDomain`. */
  pagesCertificateArn?: string;
  /** How SMS reach petitioners: AWS SMS (`sns`, the default) or the deployer's gateway (`webhook`). */
  sender?: DeployedSender;
}

/**
 * The `policy` context value, checked as the functions check POLICY: JSON text
 * (from `-c policy=...`) or an object (from cdk.json). Throws a message naming
 * the context key and the policy key that is wrong.
 */
export function policyContext(raw: string | object): Partial<Policy> {
  try {
    return typeof raw === 'string' ? policyOverrides(raw) : checkPolicyOverrides(raw);
  } catch (error) {
    throw new Error(`context "policy" is not valid: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The `sender` context: `sns`, or `webhook` with `senderWebhookUrl` (https)
 * and `senderWebhookKeyArn` (a Secrets Manager secret holding the shared
 * signing key). Throws a message naming the context key that is wrong.
 */
export function senderContext(kind: string, webhookUrl: string | undefined, keyArn: string | undefined): DeployedSender {
  if (kind === 'sns') return { kind };
  if (kind !== 'webhook') throw new Error(`context "sender" must be "sns" or "webhook" (the outbox is local only), got "${kind}"`);
  if (!webhookUrl || !URL.canParse(webhookUrl) || new URL(webhookUrl).protocol !== 'https:') {
    throw new Error('context "senderWebhookUrl" must be the https URL of the gateway when sender is "webhook"');
  }
  if (!keyArn || !/^arn:[\w-]+:secretsmanager:[\w-]+:\d{12}:secret:[\w/+=.@-]+$/.test(keyArn)) {
    throw new Error('context "senderWebhookKeyArn" must be the ARN of the Secrets Manager secret holding the signing key when sender is "webhook"');
  }
  return { kind, url: webhookUrl, keyArn };
}

/** The whole system, built from lib/wiring.ts. */
export class PetitionsStack extends Stack {
  readonly data: Data;
  readonly attachments: AttachmentBucket;
  readonly secret: DeploymentSecret;
  readonly queues: Queues;
  readonly topics: Topics;
  readonly identity: Identity;
  readonly functions: Functions;
  readonly api: Api;
  readonly pages: Pages;
  readonly schedules: Schedules;
  readonly observability: Observability;
  readonly dashboard: OperationsDashboard;
  readonly seed: Seed;

  constructor(scope: Construct, id: string, props: PetitionsStackProps = {}) {
    const { policy, seedDemoData = true, alarmEmail, overdueBacklogThreshold, attachmentOrigins, pagesDomain, pagesCertificateArn, sender, ...stackProps } = props;
    super(scope, id, stackProps);
    // Refused at synth rather than at every function's first request.
    if (policy !== undefined) checkPolicyOverrides(policy);

    this.data = new Data(this, 'Data');
    this.attachments = new AttachmentBucket(this, 'Attachments', attachmentOrigins ? { allowedOrigins: attachmentOrigins } : {});
    this.secret = new DeploymentSecret(this, 'Secret');
    this.queues = new Queues(this, 'Queues');
    this.topics = new Topics(this, 'Topics');
    // The pool first: the functions that check staff tokens get its issuer and client id.
    this.identity = new Identity(this, 'Identity');
    const tokens = this.identity.tokenCheck();
    this.functions = new Functions(this, 'Functions', {
      table: this.data.table,
      bucket: this.attachments.bucket,
      queues: this.queues,
      topics: this.topics,
      tokens,
      secret: this.secret,
      ...(policy ? { policy } : {}),
      ...(sender ? { sender } : {}),
    });
    const functions = this.functions.byName;
    this.identity.issueClaimsWith(functions.issueStaffClaims);
    // The pages first: the API's CORS names their origin; they learn the API's address at deploy time.
    this.pages = new Pages(this, 'Pages', {
      apiUrl: Lazy.string({ produce: () => this.api.stage.url }),
      attachments: this.attachments.bucket,
      accessLogs: this.attachments.accessLogs,
      ...(pagesDomain !== undefined && { domainName: pagesDomain }),
      ...(pagesCertificateArn !== undefined && { certificateArn: pagesCertificateArn }),
    });
    this.api = new Api(this, 'Api', { functions, staffTokens: tokens, corsOrigins: [this.pages.origin] });
    new Workers(this, 'Workers', { functions, queues: this.queues });
    this.schedules = new Schedules(this, 'Schedules', { functions });
    this.observability = new Observability(this, 'Observability', {
      queues: this.queues,
      functions,
      stage: this.api.stage,
      accessLogs: this.api.accessLogs,
      ...(alarmEmail ? { alarmEmail } : {}),
      ...(overdueBacklogThreshold !== undefined ? { overdueBacklogThreshold } : {}),
    });
    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      queues: this.queues,
      functions,
      stage: this.api.stage,
      api5xxRate: this.observability.api5xxRate,
      overdueBacklogThreshold: this.observability.overdueBacklogThreshold,
      alarms: this.observability.alarms,
    });
    this.seed = new Seed(this, 'Seed', {
      handler: functions.seedReferenceData,
      table: this.data.table,
      referenceData: seedDemoData,
      functions: Object.values(functions),
    });
  }
}
