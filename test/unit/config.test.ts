/**
 * Settings are refused when they are read at start, with a message naming
 * them: the functions' (at module load, as Lambda's init) and npm start's.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY, clockOf } from '../../functions/domain/policy.ts';
import { ConfigError, parseConfig } from '../../functions/shared/env.ts';
import { startLocalRuntime } from '../../lib/local/runtime.ts';
import { localSettings } from '../../lib/local/settings.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('parseConfig', () => {
  it('gives the regulation clock and a two-minute routing retry when nothing is set; an empty variable is unset', () => {
    expect(parseConfig({})).toEqual({ clock: clockOf(DEFAULT_POLICY), routingRetryMs: 120_000 });
    expect(parseConfig({ POLICY: '', TIME_SCALE: '' })).toEqual({ clock: clockOf(DEFAULT_POLICY), routingRetryMs: 120_000 });
  });

  it('applies POLICY overrides, TIME_SCALE and ROUTING_RETRY_SECONDS', () => {
    const config = parseConfig({ POLICY: '{"acceptance":"P10D"}', TIME_SCALE: '86400', ROUTING_RETRY_SECONDS: '1.5' });
    expect(config.clock).toEqual(clockOf({ ...DEFAULT_POLICY, acceptance: 'P10D' }, 86_400));
    expect(config.routingRetryMs).toBe(1500);
  });

  it.each([
    [{ POLICY: '{"acceptanse":"P10D"}' }, /POLICY: .*unknown name "acceptanse"/],
    [{ POLICY: '{"handling":"P0D"}' }, /POLICY: .*handling must be a positive ISO-8601 duration/],
    [{ POLICY: '{"handling":"two months"}' }, /POLICY: .*handling/],
    [{ POLICY: '{acceptance: P10D}' }, /POLICY: must be JSON/],
    [{ POLICY: '["P10D"]' }, /POLICY: .*must be an object/],
    [{ TIME_SCALE: 'fast' }, /TIME_SCALE: must be a positive number, got "fast"/],
    [{ TIME_SCALE: '0' }, /TIME_SCALE: must be a positive number/],
    [{ ROUTING_RETRY_SECONDS: '-1' }, /ROUTING_RETRY_SECONDS: must be a positive number/],
    [{ ROUTING_RETRY_SECONDS: 'Infinity' }, /ROUTING_RETRY_SECONDS: must be a positive number/],
    [{ JWT_JWKS: '{"kty":"EC"}' }, /JWT_JWKS: must be a JWKS/],
    [{ JWT_JWKS_URL: 'cognito' }, /JWT_JWKS_URL: must be a URL/],
    [{ ROUTING_QUEUE_URL: 'routing' }, /ROUTING_QUEUE_URL: must be a URL/],
    [{ NOTICES_TOPIC_ARN: 'notices' }, /NOTICES_TOPIC_ARN: must be an SNS topic ARN/],
  ])('refuses %j, naming it', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('names every bad setting at once', () => {
    expect(() => parseConfig({ POLICY: '{"x":"P1D"}', TIME_SCALE: 'x' })).toThrow(/POLICY: .*; TIME_SCALE: /);
  });
});

describe("npm start's settings", () => {
  it('defaults PORT 3000, DATA_DIR .local in the checkout, TIME_SCALE 1, SWEEP_INTERVAL_SECONDS 60', () => {
    expect(localSettings({}, '/checkout')).toEqual({ port: 3000, dataDir: '/checkout/.local', timeScale: 1, sweepIntervalSeconds: 60 });
    expect(localSettings({ PORT: '0', DATA_DIR: '/data', TIME_SCALE: '86400', SWEEP_INTERVAL_SECONDS: '0.5' }, '/checkout')).toEqual({
      port: 0,
      dataDir: '/data',
      timeScale: 86_400,
      sweepIntervalSeconds: 0.5,
    });
  });

  it.each([
    [{ PORT: '65536' }, /PORT: must be a port number/],
    [{ PORT: '30.5' }, /PORT: must be a port number/],
    [{ PORT: 'http' }, /PORT: must be a port number/],
    [{ TIME_SCALE: '-2' }, /TIME_SCALE: must be a positive number/],
    [{ SWEEP_INTERVAL_SECONDS: 'often' }, /SWEEP_INTERVAL_SECONDS: must be a positive number/],
  ])('refuses %j, naming it', (env, message) => {
    expect(() => localSettings(env, '/checkout')).toThrow(message);
  });
});

describe('a bad setting at start', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  it('the local runtime refuses a POLICY with an unknown key, naming it, before it starts anything', async () => {
    process.env.POLICY = '{"acceptanse":"P10D"}';
    const started = Date.now();
    await expect(startLocalRuntime({ port: 0, timeScale: 1, sweepIntervalSeconds: 60 })).rejects.toThrow(/POLICY: .*unknown name "acceptanse"/);
    // Refused before the emulators (DynamoDB Local takes seconds to start).
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('the local runtime refuses a TIME_SCALE it is given that is not valid', async () => {
    await expect(startLocalRuntime({ port: 0, timeScale: -1, sweepIntervalSeconds: 60 })).rejects.toThrow(/TIME_SCALE: must be a positive number/);
  });

  it.each(['functions/api/submit-case.ts', 'functions/workers/route-case.ts', 'functions/api/case-actions.ts'])(
    '%s fails to load (Lambda init) with a bad POLICY, naming the key',
    async (entry) => {
      vi.resetModules();
      process.env.POLICY = '{"handlnig":"P30D"}';
      await expect(import(pathToFileURL(resolve(ROOT, entry)).href)).rejects.toThrow(/POLICY: .*unknown name "handlnig"/);
    },
  );

  it('a handler loads with good settings (so the test above is about the setting)', async () => {
    vi.resetModules();
    // The settings submitCase's wiring gives it (test/e2e/function-start.test.ts starts every function so).
    Object.assign(process.env, { TABLE_NAME: 'petitions', ROUTING_QUEUE_URL: 'http://127.0.0.1:9/000000000000/routing', NOTIFICATION_QUEUE_URL: 'http://127.0.0.1:9/000000000000/notification',
      JWT_ISSUER: 'https://issuer.example', JWT_AUDIENCE: 'petitions', JWT_JWKS_URL: 'https://issuer.example/jwks.json', POLICY: '{"handling":"P30D"}' });
    const module = (await import('../../functions/api/submit-case.ts')) as { handler: unknown };
    expect(typeof module.handler).toBe('function');
  });
});
