/**
 * The petitioner's pages on AWS, read from the synthesized template: a
 * private bucket that only the distribution reads (origin access control),
 * HTTPS, compression, the pages' CSP and security headers, config.json with
 * the API's address, the API's CORS for the pages' origin, the PagesUrl
 * output, and a county's own address from the context.
 */
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PetitionsStack } from '../../lib/stack.ts';
import { testApp } from '../support/cdk.ts';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
const COUNTY = { pagesDomain: 'xinfang.pujiang.gov.cn', pagesCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d' };

describe("the petitioner's pages", { timeout: 120_000 }, () => {
  let stack: PetitionsStack;
  let template: Template;
  let resources: Record<string, Resource>;
  let bucketId: string;
  let distributionId: string;

  beforeAll(() => {
    stack = new PetitionsStack(testApp(), 'Petitions');
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
    bucketId = stack.getLogicalId(stack.pages.bucket.node.defaultChild as CfnElement);
    distributionId = stack.getLogicalId(stack.pages.distribution.node.defaultChild as CfnElement);
  });

  it('are kept in a private, encrypted bucket whose access is logged, which only the distribution reads', () => {
    const bucket = resources[bucketId]!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: stack.getLogicalId(stack.attachments.accessLogs.node.defaultChild as CfnElement) }, LogFilePrefix: 'pages/' });
    const policy = Object.values(resources).find((r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket.Ref === bucketId)!;
    const allowed = policy.Properties.PolicyDocument.Statement.filter((s: { Effect: string }) => s.Effect === 'Allow');
    expect(allowed).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.objectContaining({ 'Fn::Join': ['', expect.arrayContaining([{ Ref: distributionId }])] }) } },
      }),
    ]);
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('are served over HTTPS only, compressed, index.html at the root, under the CSP without inline script', () => {
    const { DistributionConfig } = resources[distributionId]!.Properties;
    expect(DistributionConfig).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', Compress: true, AllowedMethods: ['GET', 'HEAD'] },
    });
    const origin = DistributionConfig.Origins[0];
    expect(origin.OriginAccessControlId).toBeDefined();
    const headersId = DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref as string;
    const security = resources[headersId]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(security).toMatchObject({ ContentTypeOptions: { Override: true }, FrameOptions: { FrameOption: 'DENY' }, StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000 } });
  });

  it('are copied into the bucket on deploy, the pages with config.json naming the API and the CDN invalidated', () => {
    const deployments = Object.values(resources).filter((r) => r.Type === 'Custom::CDKBucketDeployment');
    expect(deployments.map((d) => d.Properties.SystemMetadata['cache-control']).sort()).toEqual(['no-cache', 'public, max-age=31536000, immutable']);
    const documents = deployments.find((d) => d.Properties.SystemMetadata['cache-control'] === 'no-cache')!;
    expect(documents.Properties.DistributionId).toEqual({ Ref: distributionId });
    const apiId = stack.getLogicalId(stack.api.httpApi.node.defaultChild as CfnElement);
    expect(JSON.stringify(documents.Properties.SourceMarkers)).toContain(JSON.stringify({ Ref: apiId }));
  });

  it('have the API answer their origin’s CORS, with the headers the pages send', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] }],
        AllowHeaders: Match.arrayWith(['content-type', 'x-access-code', 'idempotency-key']),
        ExposeHeaders: Match.arrayWith(['location', 'retry-after']),
      },
    });
  });

  it('have their address as the PagesUrl output', () => {
    template.hasOutput('PagesUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] } });
  });

  it("at a county's own address: its name and certificate, TLS 1.2 at least, and the output and CORS say that address", () => {
    const county = Template.fromStack(new PetitionsStack(testApp(), 'Petitions', COUNTY));
    county.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: [COUNTY.pagesDomain],
        ViewerCertificate: { AcmCertificateArn: COUNTY.pagesCertificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      },
    });
    county.hasOutput('PagesUrl', { Value: `https://${COUNTY.pagesDomain}/` });
    county.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: [`https://${COUNTY.pagesDomain}`] } });
  });

  it('refuse a domain without its certificate', () => {
    expect(() => new PetitionsStack(testApp(), 'Petitions', { pagesDomain: COUNTY.pagesDomain })).toThrow(/pagesDomain and pagesCertificateArn/);
  });
});
