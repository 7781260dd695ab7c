/**
 * Each function starts (loads its handler, as Lambda's init does) with exactly
 * the environment its wiring gives it, and one that lacks a setting its code
 * needs fails its start, naming the setting, instead of failing the first
 * request that reads it.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENV, environmentOf, FUNCTIONS, queueUrlEnv, type FunctionName } from '../../lib/wiring.ts';
import { topicArnEnv } from '../../functions/shared/env.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const BASE_ENV = { ...process.env };

const wiredEnvironment = (name: FunctionName) =>
  environmentOf(name, {
    tableName: 'petitions',
    bucketName: 'petitions-attachments',
    queueUrl: (queue) => `http://127.0.0.1:9/000000000000/${queue}`,
    topicArn: (topic) => `arn:aws:sns:us-east-1:000000000000:${topic}`,
    tokens: { issuer: 'https://issuer.example', audience: 'petitions', jwks: JSON.stringify({ keys: [] }) },
    secret: { value: randomBytes(32).toString('base64url') },
    sender: { [ENV.sender]: 'sns' },
  });

/** Loads the function's handler module afresh with `environment` (and nothing else of the wiring's). */
async function start(name: FunctionName, environment: Record<string, string>): Promise<unknown> {
  vi.resetModules();
  process.env = { ...BASE_ENV, ...environment };
  return import(pathToFileURL(resolve(ROOT, FUNCTIONS[name].entry)).href);
}

afterEach(() => {
  process.env = { ...BASE_ENV };
});

describe('a function as it starts', { timeout: 60_000 }, () => {
  it.each(NAMES)('%s starts with exactly the environment its wiring gives it', async (name) => {
    await expect(start(name, wiredEnvironment(name))).resolves.toHaveProperty('handler');
  });

  const lacking: Array<[FunctionName, string]> = [
    ['submitCase', ENV.tableName],
    ['submitCase', queueUrlEnv('routing')],
    ['sweepDeadlines', queueUrlEnv('deadline')],
    ['remindBookings', queueUrlEnv('petitionerMessage')],
    ['bookings', queueUrlEnv('petitionerMessage')],
    ['escalateCase', queueUrlEnv('notification')],
    ['recordNotice', topicArnEnv('notices')],
    ['attachments', ENV.bucketName],
    // They check an optional staff token themselves.
    ['submitCase', ENV.jwtIssuer],
    ['attachments', ENV.jwtAudience],
  ];
  it.each(lacking)('%s without %s fails its start, naming it', async (name, setting) => {
    const environment = wiredEnvironment(name);
    expect(environment).toHaveProperty(setting);
    delete environment[setting];
    await expect(start(name, environment)).rejects.toThrow(new RegExp(`invalid setting: .*${setting}: not set`));
  });

  it('sendPetitionerMessage without a sender, or with one lacking its settings, fails its start, naming them', async () => {
    const environment = wiredEnvironment('sendPetitionerMessage');
    delete environment[ENV.sender];
    await expect(start('sendPetitionerMessage', environment)).rejects.toThrow(`invalid setting: ${ENV.sender}`);
    await expect(start('sendPetitionerMessage', { ...environment, [ENV.sender]: 'outbox' })).rejects.toThrow(`invalid setting: ${ENV.outboxFile}`);
    await expect(start('sendPetitionerMessage', { ...environment, [ENV.sender]: 'webhook', [ENV.webhookUrl]: 'https://sms.example/send' })).rejects.toThrow(
      `invalid setting: ${ENV.webhookKeyArn}: set one of`,
    );
    await expect(start('sendPetitionerMessage', { ...environment, [ENV.sender]: 'webhook', [ENV.webhookUrl]: 'https://sms.example/send', [ENV.webhookKey]: 'k'.repeat(32) })).resolves.toHaveProperty('handler');
  });

  it('submitCase without a JWKS, by value or by URL, fails its start, naming both', async () => {
    const environment = wiredEnvironment('submitCase');
    delete environment[ENV.jwtJwks];
    await expect(start('submitCase', environment)).rejects.toThrow(`invalid setting: ${ENV.jwtJwks} or ${ENV.jwtJwksUrl}: not set`);
    await expect(start('submitCase', { ...environment, [ENV.jwtJwksUrl]: 'https://issuer.example/jwks.json' })).resolves.toHaveProperty('handler');
  });
});
