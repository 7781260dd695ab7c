import { RemovalPolicy } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SecretSource } from '../wiring.ts';

/**
 * The deployment secret: random, made by the stack, never in the template.
 * The functions derive their keys from it (list cursors, matter
 * fingerprints, kept answers); docs/SECURITY.md says how to rotate it.
 */
export class DeploymentSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Petitions deployment secret: the keys of list cursors, matter fingerprints and kept idempotency answers are derived from it',
      // 64 letters and digits: about 380 bits.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Matter fingerprints are keyed with it: losing it would lose repeat detection for the open cases.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Where the functions find it. */
  source(): SecretSource {
    return { arn: this.secret.secretArn };
  }

  /** secretsmanager:GetSecretValue on this secret only (grantRead would add DescribeSecret, which no function calls). */
  grantValue(grantee: IGrantable): Grant {
    return Grant.addToPrincipalOrResource({
      grantee,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [this.secret.secretArn],
      resource: this.secret,
    });
  }
}
