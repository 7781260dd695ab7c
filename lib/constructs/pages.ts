import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy, IMMUTABLE, PAGES, REVALIDATED, writePages } from '../pages.ts';
import { LOG_RETENTION } from './log-retention.ts';
import { PRIVATE_BUCKET } from './private-bucket.ts';

export interface PagesProps {
  /** The API's base URL (the stack's ApiUrl), written to config.json for the pages. */
  apiUrl: string;
  /** Where the pages upload attachments: the attachments' bucket. */
  attachments: IBucket;
  /** Where the bucket's access is logged. */
  accessLogs: IBucket;
  /** The county's own address for the pages, e.g. xinfang.pujiang.gov.cn; with `certificateArn`. */
  domainName?: string;
  /** An ACM certificate in us-east-1 for `domainName`. */
  certificateArn?: string;
}

/**
 * The petitioner's pages (lib/pages.ts) on AWS: a private bucket read only by
 * CloudFront (origin access control), served over HTTPS, compressed, with the
 * pages' CSP and security headers on every answer. The hashed scripts and
 * styles are cached for good, the pages and config.json revalidated. The
 * address is the `PagesUrl` output; a county's own address comes from the
 * `pagesDomain` and `pagesCertificateArn` context.
 */
export class Pages extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The pages' origin, e.g. https://d111111abcdef8.cloudfront.net, for the API's CORS. */
  readonly origin: string;
  readonly deployments: BucketDeployment[];
  /** What the function that copies the pages on deploy may do. */
  copierPolicy!: Policy;
  /** The county's own address, when it has one. */
  readonly domainName: string | undefined;

  constructor(scope: Construct, id: string, props: PagesProps) {
    super(scope, id);
    if ((props.domainName === undefined) !== (props.certificateArn === undefined)) {
      throw new Error('the pages need both pagesDomain and pagesCertificateArn, or neither');
    }
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'pages/',
    });

    // The API's own address would make a cycle (its CORS names this distribution): any API of the region's
    // execute-api, which is still no other host than AWS's API endpoints here.
    const connect = [`https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, `https://${props.attachments.bucketRegionalDomainName}`];
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: "The petitioner's pages: CSP without inline script, no framing, no sniffing, HSTS",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy({ connect }), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: false, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: "The petitioner's pages",
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edge locations in Asia included (PRICE_CLASS_200): the petitioners are in China.
      priceClass: PriceClass.PRICE_CLASS_200,
      // CloudFront's own certificate has a policy of its own: a minimum TLS version applies to the county's.
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.domainName = props.domainName;
    this.origin = `https://${props.domainName ?? this.distribution.distributionDomainName}`;

    // Built during synthesis into a folder of its own: the asset is hashed by content.
    const built = mkdtempSync(join(tmpdir(), 'petitions-pages-'));
    writePages(built);
    const site = new Asset(this, 'Site', { path: built });
    const copier = this.copier(site);
    const revalidated = [...PAGES.map((page) => page.file), 'config.json'];
    this.deployments = [
      new BucketDeployment(this, 'Assets', {
        sources: [Source.bucket(site.bucket, site.s3ObjectKey)],
        exclude: revalidated,
        destinationBucket: this.bucket,
        cacheControl: [CacheControl.fromString(IMMUTABLE)],
        // Scripts of the last release stay for pages still open in a browser.
        prune: false,
        ...copier,
      }),
      new BucketDeployment(this, 'Documents', {
        sources: [Source.bucket(site.bucket, site.s3ObjectKey), Source.jsonData('config.json', { apiUrl: props.apiUrl })],
        exclude: ['*.js', '*.css'],
        destinationBucket: this.bucket,
        cacheControl: [CacheControl.fromString(REVALIDATED)],
        prune: false,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        ...copier,
      }),
    ];
    this.deployments[1]!.node.addDependency(this.deployments[0]!);
    // The copying runs only once its policy is attached.
    for (const deployment of this.deployments) deployment.node.addDependency(this.copierPolicy);

    new CfnOutput(scope, 'PagesUrl', { value: `${this.origin}/`, description: "The petitioner's pages" });
  }

  /**
   * The role and log group of aws-cdk-lib's copying function, with exactly the
   * actions it takes (its own grants would be wildcards: s3:GetObject*,
   * s3:List*, cloudfront:* on every resource): read the built site from the
   * assets' bucket, list and write the pages' bucket, invalidate this
   * distribution, write its logs.
   */
  private copier(site: Asset) {
    const logGroup = new LogGroup(this, 'CopierLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const role = new Role(this, 'CopierRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: "Copies the petitioner's pages into their bucket during a deployment",
    });
    this.copierPolicy = new Policy(this, 'CopierPolicy', {
      roles: [role],
      statements: [
        // The built site and config.json are both assets in the stack's asset bucket.
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [site.bucket.arnForObjects('*')] }),
        new PolicyStatement({ actions: ['s3:ListBucket', 's3:GetBucketTagging'], resources: [this.bucket.bucketArn] }),
        new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [this.bucket.arnForObjects('*')] }),
        new PolicyStatement({ actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], resources: [this.distribution.distributionArn] }),
        new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
      ],
    });
    // Its own grants are dropped: the policy above is all it gets.
    return { role: role.withoutPolicyUpdates(), logGroup };
  }
}
