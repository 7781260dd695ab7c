/** CDK apps for the tests, with the context `cdk deploy` gives the app (cdk.json's feature flags). */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);
const DEPLOYED_CONTEXT = (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;

/**
 * An app as the CDK CLI makes it from cdk.json; with `bundle: false` the
 * functions' assets are placeholders (esbuild skipped), for tests that look
 * only at the template's shape.
 */
export function testApp(options: { bundle?: boolean } = {}): App {
  return new App({ context: { ...DEPLOYED_CONTEXT, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) } });
}
