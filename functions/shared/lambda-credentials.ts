/**
 * Stands in for `@aws-sdk/credential-provider-node` in the deployed bundles
 * (an esbuild alias, lib/bundling.ts). Lambda puts the function role's
 * credentials in the environment, the first place the SDK's default chain
 * looks; the rest of that chain (SSO, STS, web identity, ini files, instance
 * metadata) is about 130 KB of every bundle that never runs on Lambda.
 *
 * Only bundles use it: the local runtime and the tests run the sources, with
 * the SDK's own default chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
