import { BlockPublicAccess, BucketEncryption, ObjectOwnership, type BucketProps } from 'aws-cdk-lib/aws-s3';

/**
 * What every bucket of the stack is: private (every public access blocked,
 * objects owned by the bucket's account, no ACLs), encrypted with S3-managed
 * keys, reached over TLS 1.2 or later only.
 */
export const PRIVATE_BUCKET: BucketProps = Object.freeze({
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
});
