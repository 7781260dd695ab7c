import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { TokenCheck } from '../wiring.ts';
import type { PetitionFunction } from './petition-function.ts';

/**
 * The staff directory: a Cognito user pool and the one app client the API
 * trusts. Staff sign in with their email address (it is their username:
 * accounts are created by an administrator, there is no self sign-up, and
 * the same address receives the recovery codes). Their `custom:unit` and
 * `custom:roles` attributes become the `unit` and `roles` claims of the ID
 * token (see {@link Identity.issueClaimsWith}); only an administrator
 * (AdminUpdateUserAttributes) may change them.
 *
 * MFA (TOTP, an authenticator app) is required: `aws cognito-idp initiate-auth
 * --auth-flow USER_PASSWORD_AUTH --client-id <UserPoolClientId> --auth-parameters USERNAME=...,PASSWORD=...`
 * answers a challenge, not a token. The first time it is `MFA_SETUP`
 * (`associate-software-token`, `verify-software-token` with a code from the
 * app, then `respond-to-auth-challenge`); after that `SOFTWARE_TOKEN_MFA`,
 * answered with `respond-to-auth-challenge --challenge-responses
 * USERNAME=...,SOFTWARE_TOKEN_MFA_CODE=<code>`, which returns the ID token.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` (the partition's own domain): the `iss` of its tokens. */
  readonly issuer: string;
  /** The app client id: the `aud` of its ID tokens. */
  readonly audience: string;
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      customAttributes: {
        unit: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        roles: new StringAttribute({ minLen: 1, maxLen: 100, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Every staff member signs in with a second factor: a staff token reaches
      // petitioners' names, phones and identity numbers. TOTP only: SMS codes
      // can be intercepted or SIM-swapped, and need an SNS role.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      // Staff accounts (and their units and roles) are not throwaway.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('ApiClient', {
      // A public client: the CLI and browsers cannot keep a secret.
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      // Tokens come from InitiateAuth: no hosted UI, no OAuth redirects.
      disableOAuth: true,
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
      // Neither the custom attributes (unit and roles are granted by an
      // administrator) nor the email (the sign-in name): only the display name.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.issuer = `https://${this.userPool.userPoolProviderUrl}`;
    this.audience = this.client.userPoolClientId;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;

    new CfnOutput(scope, 'UserPoolId', { value: this.userPool.userPoolId, description: 'Cognito user pool of the staff' });
    new CfnOutput(scope, 'UserPoolClientId', {
      value: this.audience,
      description: 'App client for staff sign-in (USER_PASSWORD_AUTH, SRP)',
    });
  }

  /** How the API checks staff tokens: this pool's issuer, keys and client. */
  tokenCheck(): TokenCheck {
    return { issuer: this.issuer, audience: this.audience, jwksUrl: this.jwksUrl };
  }

  /**
   * Makes `trigger` the pool's pre-token-generation trigger (V1_0 event: it
   * adds the `unit` and `roles` claims to the ID token). A method rather than
   * a constructor prop because the functions are built from the wiring after
   * the pool: the API functions need its issuer and client id in their
   * environment. The trigger itself gets nothing from the pool, so there is no
   * cycle: pool -> trigger function, API functions -> pool and client.
   */
  issueClaimsWith(trigger: PetitionFunction): void {
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, trigger.function);
  }
}
