import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Packages loaded at run time beside the bundle instead of bundled: native
 * addons (esbuild cannot bundle a `.node` binary, nor a file the package
 * reads from its own folder, as jieba reads its dictionary). Each is copied
 * into the `node_modules` of every function whose bundle imports it: its
 * files, and the package of its prebuilt binary for the functions' platform
 * (lib/constructs/petition-function.ts: Linux on arm64, glibc), of the same
 * version as the package.
 */
export const NATIVE_PACKAGES: Readonly<Record<string, { files: readonly string[]; binary: string }>> = {
  '@node-rs/jieba': { files: ['package.json', 'index.js', 'dict.js', 'dict.txt'], binary: '@node-rs/jieba-linux-arm64-gnu' },
};

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
  // Non-ASCII text as UTF-8 (3 bytes a Chinese character), not \uXXXX escapes (6): the same
  // strings, and routing's bundle (the text similarity's dictionaries) about a quarter smaller.
  charset: 'utf8',
  alias: BUNDLING.aliases,
  // A package name makes its subpaths external too (@node-rs/jieba/dict.js).
  external: Object.keys(NATIVE_PACKAGES),
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
 * its `assets` beside them and the NATIVE_PACKAGES it imports in its
 * `node_modules`.
 *
 * esbuild writes the sources' paths in a map relative to the map: the
 * bundles are laid out as if in `<project>/.bundles/`, wherever `outdir`
 * is, so that a bundle's bytes, and its asset hash, do not depend on where
 * it was built.
 */
export function bundleFunctions(outdir: string): void {
  const layout = join(PROJECT_ROOT, '.bundles');
  const { outputFiles, metafile } = buildSync({
    ...ESBUILD_OPTIONS,
    entryPoints: Object.entries(FUNCTIONS).map(([name, wiring]) => ({ in: wiring.entry, out: `${name}/index` })),
    outExtension: { '.js': '.mjs' },
    outdir: layout,
    write: false,
    metafile: true,
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
  for (const [output, { imports }] of Object.entries(metafile.outputs)) {
    if (!output.endsWith(`/${BUNDLE_FILE}`)) continue;
    const name = basename(dirname(output));
    const natives = Object.keys(NATIVE_PACKAGES).filter((pkg) => imports.some((imported) => imported.external && (imported.path === pkg || imported.path.startsWith(`${pkg}/`))));
    for (const pkg of natives) copyNativePackage(pkg, join(outdir, name, 'node_modules'));
  }
}

/**
 * Copies a native package's files, and its binary's package for the Lambda
 * platform, into `modules`. The binary's package is the one npm installed
 * when this machine is that platform; otherwise it is fetched once with
 * `npm pack` (the registry's tarball of that exact version) into
 * node_modules/.cache, as npm would install it there.
 */
function copyNativePackage(pkg: string, modules: string): void {
  const fromProject = createRequire(join(PROJECT_ROOT, 'package.json'));
  const { files, binary } = NATIVE_PACKAGES[pkg]!;
  const source = dirname(fromProject.resolve(`${pkg}/package.json`));
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
  for (const file of files) {
    mkdirSync(join(modules, pkg), { recursive: true });
    copyFileSync(join(source, file), join(modules, pkg, file));
  }
  cpSync(binaryPackage(binary, version), join(modules, binary), { recursive: true });
}

function binaryPackage(binary: string, version: string): string {
  const installed = join(PROJECT_ROOT, 'node_modules', binary);
  if (existsSync(join(installed, 'package.json')) && JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version === version) return installed;
  const cached = join(PROJECT_ROOT, 'node_modules', '.cache', 'lambda-native', `${binary.replace('/', '+')}@${version}`);
  if (!existsSync(join(cached, 'package.json'))) {
    const download = mkdtempSync(join(tmpdir(), 'petitions-native-'));
    const tarball = execFileSync('npm', ['pack', `${binary}@${version}`, '--silent', '--pack-destination', download], { encoding: 'utf8' }).trim();
    mkdirSync(cached, { recursive: true });
    // npm's tarballs hold one folder, `package/`.
    execFileSync('tar', ['-xzf', join(download, tarball), '-C', cached, '--strip-components=1']);
    rmSync(download, { recursive: true, force: true });
  }
  return cached;
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
