import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, type BuildOptions } from 'esbuild';
import { FUNCTIONS, type FunctionWiring } from './wiring.ts';

/**
 * How every function is bundled and started: one definition for the CDK
 * construct (lib/constructs/petition-function.ts) and the cold-start
 * benchmark (bench/bundle.ts), so that the benchmark measures what is
 * deployed. The construct takes its code from bundleFunctions below.
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

/** The project root: the wiring's entries, and BUNDLING's aliases, are relative to it. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * BUNDLING as esbuild options: what each function's bundle is built with
 * (every module bundled, the SDK v3 too: a tree-shaken bundle starts faster
 * than the runtime's copy).
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: BUNDLING.target,
  minify: true,
  sourcemap: true,
  sourcesContent: BUNDLING.sourcesContent,
  mainFields: [...BUNDLING.mainFields],
  banner: { js: BUNDLING.banner },
  alias: BUNDLING.aliases,
  // Quiet synth: esbuild reports only problems.
  logLevel: 'warning',
  absWorkingDir: PROJECT_ROOT,
} as const satisfies BuildOptions;

/** The file of each function's bundle in its folder (its source map is beside it, with `.map` added). */
export const BUNDLE_FILE = 'index.mjs';

/**
 * Bundles every function of the wiring in one esbuild run (one pass over
 * the shared modules, where a run per function took most of `cdk synth`),
 * into `<outdir>/<function name>/index.mjs` and its map, with the files of
 * its `assets` beside them.
 *
 * esbuild writes the sources' paths in a map relative to the map: the
 * bundles are laid out as if in `<project>/.bundles/`, wherever `outdir`
 * is, so that a bundle's bytes, and its asset hash, do not depend on where
 * it was built.
 */
export function bundleFunctions(outdir: string): void {
  const layout = join(PROJECT_ROOT, '.bundles');
  const { outputFiles } = buildSync({
    ...ESBUILD_OPTIONS,
    entryPoints: Object.entries(FUNCTIONS).map(([name, wiring]) => ({ in: wiring.entry, out: `${name}/index` })),
    outExtension: { '.js': '.mjs' },
    outdir: layout,
    write: false,
  });
  for (const file of outputFiles) {
    const target = join(outdir, relative(layout, file.path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  const fromProject = createRequire(join(PROJECT_ROOT, 'package.json'));
  for (const [name, wiring] of Object.entries(FUNCTIONS) as Array<[string, FunctionWiring]>) {
    for (const asset of wiring.assets ?? []) copyFileSync(fromProject.resolve(asset), join(outdir, name, basename(asset)));
  }
}

let bundled: string | undefined;

/**
 * The folder of every function's bundle (bundleFunctions), built on the first
 * call in a process and removed when it exits: a synthesis, and the tests
 * that read the bundles, share one build.
 */
export function functionBundles(): string {
  if (bundled === undefined) {
    const outdir = mkdtempSync(join(tmpdir(), 'petitions-bundles-'));
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    bundleFunctions(outdir);
    bundled = outdir;
  }
  return bundled;
}
