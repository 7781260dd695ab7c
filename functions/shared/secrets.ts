/**
 * The deployment secret and the keys derived from it. One secret per
 * deployment (Secrets Manager on AWS, a file in DATA_DIR locally); each use
 * gets its own key through HKDF, so no key serves two purposes.
 */
import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV } from './env.ts';

/** The keys of this deployment, one per purpose. */
export interface DeploymentKeys {
  /** Signs list cursors (HMAC-SHA256). */
  cursor: KeyObject;
  /** Keys matter fingerprints (HMAC-SHA256), so they cannot be reversed by trying every phone number. */
  fingerprint: KeyObject;
  /** Encrypts the answers kept for Idempotency-Key retries (AES-256-GCM). */
  idempotency: KeyObject;
  /** Keys the hashes of verification codes, verified phones and client addresses (HMAC-SHA256), none of which is kept as it is. */
  verification: KeyObject;
}

// Fewer characters than this cannot hold 256 bits of randomness in the generated alphabet.
const MIN_SECRET_LENGTH = 43;
const SALT = 'petitions/deployment-secret/v1';

/** Derives the purpose keys from the secret. */
export function deriveKeys(secret: string): DeploymentKeys {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the deployment secret is too short: at least ${MIN_SECRET_LENGTH} characters`);
  const key = (purpose: keyof DeploymentKeys) => createSecretKey(Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32)));
  return { cursor: key('cursor'), fingerprint: key('fingerprint'), idempotency: key('idempotency'), verification: key('verification') };
}

/** A Secrets Manager secret's string value; throws, naming the secret, when it cannot be read. */
export async function readSecret(arn: string): Promise<string> {
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!SecretString) throw new Error('it has no string value');
    return SecretString;
  } catch (error) {
    throw new Error(`the secret ${arn} cannot be read: ${(error as Error).message}`, { cause: error });
  } finally {
    client.destroy();
  }
}

// Read once, when the function starts (Lambda's init): an unreadable or unfit secret fails the init, not each request.
const arn = process.env[ENV.secretArn];
const given = process.env[ENV.secret];
let keys: DeploymentKeys | undefined = arn ? deriveKeys(await readSecret(arn)) : given ? deriveKeys(given) : undefined;

/**
 * The deployment's keys. Read at start where the environment names the
 * secret; otherwise (a module loaded before the environment was set, as in
 * tests) from the secret in the environment at first use.
 */
export function deploymentKeys(): DeploymentKeys {
  if (keys) return keys;
  const secret = process.env[ENV.secret];
  if (!secret) throw new Error(`the deployment secret is not configured: set ${ENV.secretArn} (AWS) or ${ENV.secret} (local)`);
  keys = deriveKeys(secret);
  return keys;
}
