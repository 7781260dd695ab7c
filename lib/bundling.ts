/**
 * How every function is bundled and started: one definition for the CDK
 * construct (lib/constructs/petition-function.ts) and the cold-start
 * benchmark (bench/bundle.ts), so that the benchmark measures what is
 * deployed.
 */
export const BUNDLING = {
  /** esbuild's target for the Lambda runtime (Node.js 22). */
  target: 'node22',
  /** Prefer packages' ES modules: they tree-shake. */
  mainFields: ['module', 'main'],
  /** Some CommonJS dependencies call require(): give the ES module one. */
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  /**
   * Modules replaced in the bundles, by paths relative to the project root
   * (esbuild resolves an alias in its working directory, which both the
   * construct and the benchmark set to the project root).
   */
  aliases: { '@aws-sdk/credential-provider-node': './functions/shared/lambda-credentials.ts' } as Record<string, string>,
  /**
   * Source maps give logged stack traces their file and line. Node reads and
   * parses the map when the module loads: without the sources in it, the map
   * is 0.6 MB instead of 2 MB, and the load about 7 ms faster.
   */
  sourcesContent: false,
  /** The functions' NODE_OPTIONS: map stack traces to the sources. */
  nodeOptions: '--enable-source-maps',
} as const;
