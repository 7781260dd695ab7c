/**
 * The environment a function reads. The wiring sets the same names on AWS and
 * in the local runtime, so these names are the contract between them.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** Divides every policy duration (demo and tests); 1 on AWS. */
  timeScale: 'TIME_SCALE',
  /** How long intake waits for routing before the sweep sends the case again. */
  routingRetrySeconds: 'ROUTING_RETRY_SECONDS',
  /** Staff tokens: who issues them and for whom (Cognito's pool and app client on AWS). */
  jwtIssuer: 'JWT_ISSUER',
  jwtAudience: 'JWT_AUDIENCE',
  /** Where the issuer's public keys are (Cognito's JWKS on AWS)... */
  jwtJwksUrl: 'JWT_JWKS_URL',
  /** ...or the keys themselves, as JWKS JSON (the local runtime). */
  jwtJwks: 'JWT_JWKS',
  /** Where the deployment secret is: its Secrets Manager ARN (AWS)... */
  secretArn: 'DEPLOYMENT_SECRET_ARN',
  /** ...or the secret itself (the local runtime, which keeps it in DATA_DIR). */
  secret: 'DEPLOYMENT_SECRET',
} as const;

/** The environment variable that holds a queue's URL, e.g. ROUTING_QUEUE_URL. */
export function queueUrlEnv(queue: string): string {
  return `${queue.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_QUEUE_URL`;
}

/** The environment variable that holds a topic's ARN, e.g. NOTICES_TOPIC_ARN. */
export function topicArnEnv(topic: string): string {
  return `${topic.toUpperCase()}_TOPIC_ARN`;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** A positive number from the environment, or the default when unset. */
export function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`environment variable ${name} must be a positive number, got "${raw}"`);
  return value;
}
