/**
 * The attachments' bucket, read from the synthesized template: private,
 * encrypted, TLS only, abandoned uploads removed, CORS for a browser's PUT,
 * access logged; and only the attachments function may reach it.
 */
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PetitionsStack } from '../../lib/stack.ts';
import { ENV, FUNCTIONS, type FunctionName, type FunctionWiring } from '../../lib/wiring.ts';
import { testApp } from '../support/cdk.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

describe("the attachments' bucket", { timeout: 120_000 }, () => {
  let stack: PetitionsStack;
  let template: Template;
  let resources: Record<string, Resource>;
  let bucketId: string;
  let logsId: string;

  beforeAll(() => {
    stack = new PetitionsStack(testApp(), 'Petitions', { attachmentOrigins: ['https://xinfang.example.gov.cn'] });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
    bucketId = stack.getLogicalId(stack.attachments.bucket.node.defaultChild as CfnElement);
    logsId = stack.getLogicalId(stack.attachments.accessLogs.node.defaultChild as CfnElement);
  });

  it.each([['attachments', () => bucketId], ['access logs', () => logsId]] as const)('%s: blocks every public access, owns its objects, encrypts them, is kept on delete', (_, id) => {
    const bucket = resources[id()]!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it.each([['attachments', () => bucketId], ['access logs', () => logsId]] as const)('%s: its policy denies requests without TLS, and below TLS 1.2', (_, id) => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id() },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('removes uploads never completed after a day, and aborts incomplete multipart uploads', () => {
    const rules = resources[bucketId]!.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      ]),
    );
    // The kept files (files/) expire with nothing: they are the cases' evidence.
    for (const rule of rules) if (rule.ExpirationInDays !== undefined) expect(rule.Prefix).toBe('uploads/');
  });

  it("lets the pages' origins PUT and GET from a browser, with the content type the upload URL signs", () => {
    expect(resources[bucketId]!.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['PUT', 'GET'], AllowedOrigins: ['https://xinfang.example.gov.cn'], AllowedHeaders: ['content-type'] }),
    ]);
  });

  it('logs its access to the access-log bucket', () => {
    expect(resources[bucketId]!.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'attachments/' });
  });

  it.each(Object.keys(FUNCTIONS) as FunctionName[])("%s: knows the bucket's name only if its wiring reaches it", (name) => {
    const logicalId = stack.getLogicalId(stack.functions.byName[name].function.node.defaultChild as CfnElement);
    const variables = resources[logicalId]!.Properties.Environment?.Variables ?? {};
    if ((FUNCTIONS[name] as FunctionWiring).bucket) expect(variables[ENV.bucketName]).toEqual({ Ref: bucketId });
    else expect(variables[ENV.bucketName]).toBeUndefined();
  });

  it('no role but the attachments function may act on it', () => {
    const reaching = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes(bucketId))
      .map((policy) => JSON.stringify(policy.Properties.Roles));
    const attachmentsRole = stack.getLogicalId(stack.functions.byName.attachments.role.node.defaultChild as CfnElement);
    expect(reaching).toEqual([JSON.stringify([{ Ref: attachmentsRole }])]);
  });
});
