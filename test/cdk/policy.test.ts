/**
 * A policy that is not valid stops `cdk synth`, with a message naming the key:
 * the `policy` context as bin/app.ts reads it, and the stack's own check.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PetitionsStack, policyContext } from '../../lib/stack.ts';
import { testApp } from '../support/cdk.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the CDK app as `cdk synth` does, with `context` (the CLI passes -c values in CDK_CONTEXT_JSON). */
function runApp(context: Record<string, unknown>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
      cwd: ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: join(tmpdir(), 'petitions-policy-test') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => done({ code, output }));
  });
}

describe('the policy context', () => {
  it('takes JSON text (-c policy=...) or an object (cdk.json)', () => {
    expect(policyContext('{"acceptance":"P10D"}')).toEqual({ acceptance: 'P10D' });
    expect(policyContext({ handling: 'P45D' })).toEqual({ handling: 'P45D' });
  });

  it.each([
    ['{"acceptanse":"P10D"}', /context "policy" is not valid: .*unknown name "acceptanse"/],
    ['{"handling":"P0D"}', /context "policy" is not valid: .*handling must be a positive ISO-8601 duration/],
    ['{acceptance:P10D}', /context "policy" is not valid: must be JSON/],
    [{ visitNotice: 3 }, /context "policy" is not valid: .*visitNotice/],
  ])('refuses %j, naming it', (raw, message) => {
    expect(() => policyContext(raw)).toThrow(message);
  });

  it('a stack given a policy with an unknown key is not built', () => {
    expect(() => new PetitionsStack(testApp(), 'Bad', { policy: { acceptanse: 'P10D' } })).toThrow(/unknown name "acceptanse"/);
  });

  it('cdk synth with -c policy naming an unknown key fails, naming it, before synthesizing', { timeout: 60_000 }, async () => {
    const { code, output } = await runApp({ policy: '{"acceptanse":"P10D"}' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/context "policy" is not valid: policy: unknown name "acceptanse"/);
  });
});
