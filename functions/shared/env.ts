import { checkPolicyOverrides, clockOf, DEFAULT_POLICY, type Clock, type Policy, type Switches } from '../domain/policy.ts';
import * as z from '../domain/zod.ts';
import { QUEUE_NAMES, TOPIC_NAMES } from '../queues/names.ts';

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
  /** The bucket of the attachments' files. */
  bucketName: 'BUCKET_NAME',
  /** How messages reach petitioners: `outbox` (local), `sns` (AWS SMS) or `webhook` (the deployer's gateway). */
  sender: 'PETITIONER_SENDER',
  /** The outbox sender's file (local only). */
  outboxFile: 'OUTBOX_FILE',
  /** The webhook sender's gateway... */
  webhookUrl: 'SENDER_WEBHOOK_URL',
  /** ...and the key its requests are signed with (HMAC-SHA256): a Secrets Manager ARN (AWS)... */
  webhookKeyArn: 'SENDER_WEBHOOK_KEY_ARN',
  /** ...or the key itself (local, tests). */
  webhookKey: 'SENDER_WEBHOOK_KEY',
} as const;

/** The environment variable that holds a queue's URL, e.g. ROUTING_QUEUE_URL. */
export function queueUrlEnv(queue: string): string {
  return `${queue.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_QUEUE_URL`;
}

/** The environment variable that holds a topic's ARN, e.g. NOTICES_TOPIC_ARN. */
export function topicArnEnv(topic: string): string {
  return `${topic.toUpperCase()}_TOPIC_ARN`;
}

/** Each setting declared needed, by the names any one of which provides it. */
const needed = new Map<string, string[]>();

/**
 * Declares, when a module loads, a setting it reads when it runs (the table's
 * name, a queue's URL). Every function checks them as it starts
 * ({@link checkNeededSettings}, from lambdaHandler), so one that lacks a
 * setting fails its init, naming it, rather than the first request that
 * reads it. With `alternatives`, any one of the names provides it (a JWKS
 * given by value or by URL).
 */
export function needsSetting(name: string, ...alternatives: string[]): void {
  needed.set([name, ...alternatives].join(' or '), [name, ...alternatives]);
}

/** Throws a {@link ConfigError} naming every setting declared with {@link needsSetting} that `env` lacks. */
export function checkNeededSettings(env: Record<string, string | undefined>): void {
  const missing = [...needed].filter(([, names]) => names.every((name) => !env[name])).map(([label]) => label);
  if (missing.length > 0) throw new ConfigError(`invalid setting: ${missing.map((name) => `${name}: not set`).join('; ')}`);
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** A setting that is not valid; the message names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What the functions read from their environment, parsed. */
export interface Config {
  /** The legal clock in force: the policy (defaults, then the overrides in POLICY) divided by TIME_SCALE. */
  clock: Clock;
  /** How long intake waits for routing before the sweep sends a case to routing again (default 2 minutes). */
  routingRetryMs: number;
}

/** An environment string read by `read`, which throws a message (without the name) when it is not valid. */
export function setting<T>(read: (raw: string) => T) {
  return z.pipe(
    z.string(),
    z.transform((raw: string, context): T => {
      try {
        return read(raw);
      } catch (error) {
        context.issues.push({ code: 'custom', message: (error as Error).message, input: raw });
        return z.NEVER;
      }
    }),
  );
}

/** A positive, finite number. */
export function positiveNumber(raw: string): number {
  const value = Number(raw);
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`must be a positive number, got "${raw}"`);
  return value;
}

export function url(raw: string): string {
  if (!URL.canParse(raw)) throw new RangeError(`must be a URL, got "${raw}"`);
  return raw;
}

/** POLICY's value: JSON policy overrides, checked (see checkPolicyOverrides). */
export function policyOverrides(raw: string): Partial<Policy & Switches> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new SyntaxError(`must be JSON such as {"acceptance":"P10D"} (${(error as Error).message})`);
  }
  return checkPolicyOverrides(parsed);
}

function jwks(raw: string): string {
  let keys: unknown;
  try {
    keys = (JSON.parse(raw) as { keys?: unknown } | null)?.keys;
  } catch {
    // Reported below.
  }
  if (!Array.isArray(keys)) throw new RangeError('must be a JWKS, JSON such as {"keys": [...]}');
  return raw;
}

function arn(raw: string): string {
  if (!/^arn:[\w-]+:sns:[\w-]+:\d{12}:[\w.-]+$/.test(raw)) throw new RangeError(`must be an SNS topic ARN, got "${raw}"`);
  return raw;
}

const nonEmpty = z.string().check(z.minLength(1));

/**
 * Every variable the functions read. Which of them a function has depends on
 * what it uses (see lib/wiring.ts): the ones it needs are required where they
 * are read; here, any that is set must be well formed.
 */
const environmentSchema = z.object({
  POLICY: z.optional(setting(policyOverrides)),
  [ENV.timeScale]: z.optional(setting(positiveNumber)),
  [ENV.routingRetrySeconds]: z.optional(setting(positiveNumber)),
  [ENV.tableName]: z.optional(nonEmpty),
  [ENV.bucketName]: z.optional(nonEmpty),
  [ENV.jwtIssuer]: z.optional(nonEmpty),
  [ENV.jwtAudience]: z.optional(nonEmpty),
  [ENV.jwtJwksUrl]: z.optional(setting(url)),
  [ENV.jwtJwks]: z.optional(setting(jwks)),
  ...Object.fromEntries(QUEUE_NAMES.map((queue) => [queueUrlEnv(queue), z.optional(setting(url))])),
  ...Object.fromEntries(TOPIC_NAMES.map((topic) => [topicArnEnv(topic), z.optional(setting(arn))])),
});

/**
 * Parses environment variables with `schema` (an empty variable counts as
 * unset). Throws a {@link ConfigError} naming every variable that is not valid.
 */
export function parseEnvironment<T>(schema: z.ZodMiniType<T>, env: Record<string, string | undefined>): T {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = z.safeParse(schema, set);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`invalid setting: ${problems.join('; ')}`);
}

/** Parses the functions' settings from `env`; throws a {@link ConfigError} naming what is not valid. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const settings = parseEnvironment(environmentSchema, env) as Record<string, unknown>;
  const policy: Policy & Partial<Switches> = { ...DEFAULT_POLICY, ...(settings.POLICY as Partial<Policy & Switches> | undefined) };
  return {
    clock: clockOf(policy, (settings[ENV.timeScale] as number | undefined) ?? 1),
    routingRetryMs: ((settings[ENV.routingRetrySeconds] as number | undefined) ?? 120) * 1000,
  };
}
