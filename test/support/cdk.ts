/** CDK apps for the tests, with the context `cdk deploy` gives the app (cdk.json's feature flags). */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PetitionsStack, type PetitionsStackProps } from '../../lib/stack.ts';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);
const DEPLOYED_CONTEXT = (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;

/**
 * An app as the CDK CLI makes it from cdk.json; with `bundle: false` the
 * functions' assets are placeholders (esbuild skipped), for tests that look
 * only at the template's shape. CloudFormation's built-in rules run only with
 * `validate: true`: they take most of a synthesis's time, and one test
 * (test/cdk/stack.test.ts, "as bin/app.ts does") holds the template to them.
 */
export function testApp(options: { bundle?: boolean; validate?: boolean } = {}): App {
  return new App({
    context: { ...DEPLOYED_CONTEXT, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    builtinCloudFormationValidation: options.validate ?? false,
  });
}

/** A synthesized stack and its template. */
export interface Synthesized {
  stack: PetitionsStack;
  template: Template;
}

const bundled = new Map<string, Synthesized>();

/**
 * The stack with its functions bundled, as deployed, synthesized once per
 * test file (a file's tests share its process) and props: bundling is what
 * synthesis spends its time on.
 */
export function bundledStack(props: PetitionsStackProps = {}): Synthesized {
  const key = JSON.stringify(props);
  let synthesized = bundled.get(key);
  if (synthesized === undefined) {
    const stack = new PetitionsStack(testApp({ bundle: true }), 'Petitions', props);
    synthesized = { stack, template: Template.fromStack(stack) };
    bundled.set(key, synthesized);
  }
  return synthesized;
}
