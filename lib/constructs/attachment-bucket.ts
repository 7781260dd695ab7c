import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Bucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { UPLOAD_URL_SECONDS } from '../../functions/domain/attachments.ts';
import { PRIVATE_BUCKET } from './private-bucket.ts';

export interface AttachmentBucketProps {
  /** The origins of the pages that upload and download files from a browser (CORS); any, by default: the presigned URL is the credential. */
  allowedOrigins?: string[];
}

/**
 * The attachments' files, in a private bucket (`PRIVATE_BUCKET`). Uploads
 * land under `uploads/` through presigned URLs and
 * are removed after a day if nobody completed them; only checked files are
 * kept, under `files/` (functions/store/attachment-files.ts). Its access is
 * logged to a bucket of its own.
 */
export class AttachmentBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentBucketProps = {}) {
    super(scope, id);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      lifecycleRules: [{ id: 'log-retention', expiration: Duration.days(180) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { id: 'abandoned-uploads', prefix: 'uploads/', expiration: Duration.days(1) },
        { id: 'incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // A browser PUTs the file to its upload URL and fetches it by its download URL.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: props.allowedOrigins ?? ['*'],
          allowedHeaders: ['content-type'],
          maxAge: UPLOAD_URL_SECONDS,
        },
      ],
      // Evidence of the cases: never lost to a stack update or delete.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
