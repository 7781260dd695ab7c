/**
 * cdk-nag: the packs we run and the findings we acknowledge, each with its
 * reason. cdk-nag 3 reads acknowledgements from CDK's own
 * `Validations.of(construct).acknowledge(...)`; a finding with an ID such as
 * `AwsSolutions-IAM5[Resource::*]` must be acknowledged by that exact ID.
 * Everything else is fixed in the constructs, not acknowledged here.
 */
import { Validations, type App } from 'aws-cdk-lib';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { FUNCTIONS, OPEN311_ROUTES, QUEUES, SCHEDULES, type FunctionName, type FunctionWiring } from './wiring.ts';
import type { PetitionsStack } from './stack.ts';

/** The packs that gate synthesis. */
export function nagPacks(verbose = false): NagPack[] {
  return [new AwsSolutionsChecks(undefined, { verbose }), new ServerlessChecks(undefined, { verbose })];
}

/** Registers the packs on the app: synthesis fails on any finding not acknowledged below. */
export function addNagChecks(app: App, verbose = true): void {
  Validations.of(app).addPlugins(...nagPacks(verbose));
}

function ack(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

const THROTTLED = 'The route is throttled by its class (lib/wiring.ts, THROTTLES).';
const REFERENCE_DATA = 'Reference data that the intake form needs before anyone signs in: nothing personal.';
const ACCESS_CODE =
  "The petitioner's own case: petitioners have no login, the handler authorises the call by the case's access code (X-Access-Code), and a wrong code answers 404 exactly as an unknown id does.";

/** Why each route without a gateway authorizer is open, by route key. A new open route fails synthesis until it is listed here. */
const OPEN_ROUTES: Record<string, string> = {
  'GET /v1/health': 'A health check for monitoring: it reads nothing and answers nothing personal.',
  'GET /v1/openapi.json': "The API's public contract, made from the code: it reads nothing and answers nothing personal.",
  'GET /v1/docs': 'The reference page of the public API document: it reads nothing and answers nothing personal.',
  'GET /v1/regions': REFERENCE_DATA,
  'GET /v1/categories': REFERENCE_DATA,
  'GET /v1/calendar': "China's statutory holidays and make-up workdays, which every deadline follows: public reference data, nothing personal.",
  'POST /v1/cases':
    'Intake is open to petitioners, who have no login. A staff member registering a case may send a token: the handler verifies it itself (signature against the pool’s JWKS, issuer, audience), because a gateway authorizer cannot be optional.',
  'GET /v1/cases/{id}/progress': ACCESS_CODE,
  'POST /v1/cases/{id}/evaluation': ACCESS_CODE,
  'POST /v1/cases/{id}/review-request': ACCESS_CODE,
  'POST /v1/cases/{id}/urge': ACCESS_CODE,
  'GET /v1/cases/{id}/messages': ACCESS_CODE,
  'POST /v1/verifications':
    'Petitioners have no login: this is how they prove a phone. It reads nothing about the phone and answers the same for every one; the handler limits it per phone (1 a minute, 10 a day) and per client address (30 an hour).',
  'POST /v1/access-recovery': 'Petitioners have no login: a verification of their phone (POST /v1/verifications) proves who they are; new access codes go by SMS only, never in the answer.',
  'POST /v1/cases/{id}/attachments': `${ACCESS_CODE} Staff send a token instead, which the handler verifies itself (a gateway authorizer cannot be optional).`,
  'POST /v1/cases/{id}/attachments/{attachmentId}/complete': `${ACCESS_CODE} Staff send a token instead, which the handler verifies itself (a gateway authorizer cannot be optional).`,
  'GET /v1/cases/{id}/attachments': `${ACCESS_CODE} Staff send a token instead, which the handler verifies itself (a gateway authorizer cannot be optional).`,
  'GET /v1/visits':
    "Leaders' visits are announced to the public in advance (the Pujiang practice): leader, place, time and departments, nothing about any petitioner.",
  ...Object.fromEntries(
    OPEN311_ROUTES.map(({ method, path }) => [
      `${method} ${path}`,
      method === 'POST'
        ? "Open311 GeoReport v2 submissions: the standard's clients send an API key in the form, which the handler checks against the hashes of the keys admins issued (POST /v1/client-apps); a gateway authorizer cannot read a form."
        : 'Open311 GeoReport v2 public reads: services are the categories, requests the public views of cases (status, category, office, region, dates), with nothing personal.',
    ]),
  ),
  'POST /v1/visits/{id}/bookings':
    "Petitioners have no login: a verification of their phone (POST /v1/verifications) proves who books; one booking per phone and visit, and the answer holds the ticket and slot only.",
  'POST /v1/visits/{id}/bookings/{bookingId}/cancellation':
    'Petitioners have no login: the booking code their SMS brought opens it, checked by the handler; a wrong code answers as an unknown booking.',
  'GET /v1/stats/public':
    'The public results the office owes the public (transparency): aggregate counts and rates per region, read from counters that hold no personal data.',
};

const NODE_22 =
  'Node.js 22 on purpose: the same handlers run locally on Node 20/22 and are tested there; we move to the next LTS deliberately, not by a linter.';

/** Acknowledges the findings we chose on purpose, on the narrowest construct that carries them. */
export function acknowledgeNagFindings(stack: PetitionsStack): void {
  const tableLogicalId = stack.getLogicalId(stack.data.table.node.defaultChild as CfnTable);
  const bucketLogicalId = stack.getLogicalId(stack.attachments.bucket.node.defaultChild as CfnBucket);
  const consumers = new Set<FunctionName>(QUEUES.map((queue) => queue.consumer));
  const scheduled = new Set<FunctionName>(SCHEDULES.map((schedule) => schedule.function));

  for (const [name, fn] of Object.entries(stack.functions.byName) as [FunctionName, (typeof stack.functions.byName)[FunctionName]][]) {
    ack(fn, 'AwsSolutions-L1', NODE_22);
    ack(fn, 'Serverless-LambdaLatestVersion', NODE_22);
    ack(
      fn.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission, so their resource is *.',
    );
    if (FUNCTIONS[name].table !== 'none') {
      ack(
        fn.role,
        `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
        "The table's own indexes (the due index, the children index): Table.grant scopes them as table/index/*; no other table is reachable.",
      );
    }
    ack(
      fn,
      'Serverless-LambdaDLQ',
      consumers.has(name)
        ? 'Invoked by an SQS event source, not asynchronously: failed messages go to the queue’s own dead-letter queue (redrive), which has an alarm.'
        : scheduled.has(name)
          ? 'Invoked by a schedule: the sweep is idempotent and runs again on the next tick, and it only reads what is due; a lost run changes nothing but a minute of delay.'
          : 'Invoked synchronously (by API Gateway, Cognito’s token trigger or the custom-resource provider): the caller sees the error; an on-failure destination applies only to asynchronous invocations.',
    );
    if ((FUNCTIONS[name] as FunctionWiring).bucket) {
      for (const prefix of ['uploads', 'files']) {
        ack(
          fn.role,
          `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${prefix}/*]`,
          "The attachments' objects under the one prefix the code keeps them in (functions/store/attachment-files.ts): object keys are made per attachment at run time.",
        );
      }
    }
    if (consumers.has(name)) {
      ack(
        fn,
        'Serverless-LambdaEventSourceMappingDestination',
        'The SQS queue redrives to its dead-letter queue after maxReceiveCount receives (and that DLQ has an alarm): an on-failure destination on the event source mapping would duplicate it.',
      );
    }
  }

  for (const { deadLetterQueue } of stack.queues.byName.values()) {
    ack(deadLetterQueue, 'Serverless-SQSRedrivePolicy', 'This is the dead-letter queue itself; it is watched by an alarm, not redriven further.');
  }

  for (const rule of stack.schedules.rules) {
    ack(
      rule,
      'Serverless-EventBusDLQ',
      'The schedule target is the idempotent sweep, run again on the next tick: a dropped invocation only delays it by one interval.',
    );
  }

  for (const { wiring, route } of stack.api.routes) {
    const reason = OPEN_ROUTES[`${wiring.method} ${wiring.path}`];
    // A staff route carries the JWT authorizer; an open route not in OPEN_ROUTES stays a finding and fails synthesis.
    if (wiring.auth !== 'staff' && reason !== undefined) ack(route, 'AwsSolutions-APIG4', `${reason} ${THROTTLED}`);
  }

  ack(
    stack.secret.secret,
    'AwsSolutions-SMG4',
    'Rotated by hand, on purpose (docs/SECURITY.md): a new secret invalidates every list cursor and needs the matter fingerprint migration run at once, which a rotation schedule cannot do.',
  );

  ack(stack.attachments.accessLogs, 'AwsSolutions-S1', "This is the bucket of the attachments' access logs: logging its own access would log the logging.");

  const { userPool } = stack.identity;
  ack(
    userPool,
    'AwsSolutions-COG8',
    'Essentials feature plan: the Plus plan’s threat protection is charged per monthly active user, and this pool is small and closed (no self sign-up: administrators create staff accounts), with 12-character passwords of every class, TOTP required and no user-existence errors. Set featurePlan PLUS with threat protection where the risk assessment asks for it.',
  );

  if (stack.observability.emailSubscription) {
    ack(
      stack.observability.emailSubscription,
      'Serverless-SNSRedrivePolicy',
      'The operator e-mail for alarms: the alarm itself stays in ALARM in CloudWatch (and on the dashboard) whether or not a mail is delivered.',
    );
  }

  acknowledgePagesFindings(stack);

  if (stack.seed) {
    const { provider } = stack.seed;
    const seedLogicalId = stack.getLogicalId(stack.functions.byName.seedReferenceData.function.node.defaultChild as CfnFunction);
    ack(
      stack.seed,
      `AwsSolutions-IAM5[Resource::<${seedLogicalId}.Arn>:*]`,
      'The provider framework may invoke any version of the one seed function (lambda:InvokeFunction on its ARN and ARN:*), nothing else.',
    );
    const cdkOwned = 'The custom-resource provider framework function belongs to aws-cdk-lib: it runs only during deployments, synchronously, while the seed or the migrations run.';
    ack(provider, 'Serverless-LambdaDLQ', cdkOwned);
    ack(provider, 'Serverless-LambdaDefaultMemorySize', cdkOwned);
    ack(provider, 'Serverless-LambdaTracing', cdkOwned);
  }
}


/** The pages' distribution, and the function aws-cdk-lib's BucketDeployment brings to copy them into their bucket. */
function acknowledgePagesFindings(stack: PetitionsStack): void {
  const { distribution, bucket } = stack.pages;
  ack(
    distribution,
    'AwsSolutions-CFR1',
    'No geo restriction on purpose: petitioners of the county may be anywhere (migrant workers in other provinces or abroad).',
  );
  ack(
    distribution,
    'AwsSolutions-CFR2',
    'Static files only, cached at the edge and answered by CloudFront; every call the pages make goes to the API, which its routes throttle (lib/wiring.ts, THROTTLES).',
  );
  ack(
    distribution,
    'AwsSolutions-CFR3',
    "CloudFront's access logs always hold the client's IP address, which the project keeps out of every log (the API's access logs have no source IP); CloudFront's request and error metrics are in CloudWatch without it.",
  );
  if (stack.pages.domainName === undefined) {
    ack(
      distribution,
      'AwsSolutions-CFR4',
      "CloudFront's own *.cloudfront.net certificate, whose minimum TLS version CloudFront sets; a county's own address (pagesDomain, pagesCertificateArn) gets TLS 1.2 at least.",
    );
  }

  const copier = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!copier) return;
  const cdkOwned = "aws-cdk-lib's BucketDeployment function (Python, from aws-cdk-lib): it runs only during a deployment, synchronously, to copy the built pages into their bucket.";
  for (const id of ['AwsSolutions-L1', 'Serverless-LambdaDLQ', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing']) ack(copier, id, cdkOwned);
  const bucketLogicalId = stack.getLogicalId(bucket.node.defaultChild as CfnBucket);
  const objects = 'The objects of one bucket: the files a deployment copies are named at deploy time.';
  ack(stack.pages.copierPolicy, 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', objects);
  ack(stack.pages.copierPolicy, `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`, objects);
}
