/**
 * Cold start: bundles every function of the wiring as the CDK construct does
 * (lib/constructs/petition-function.ts with lib/bundling.ts: esbuild, ESM,
 * minified, node22, mainFields module,main, the createRequire banner, the
 * aliases, a source map without sources, every module bundled) into a
 * temporary folder, and prints `bundle: largest_kb=K load_ratio=L`: the
 * largest bundle in KB (1,024 bytes; the source map is a separate file and
 * not counted), and the median time a fresh `node`, with the functions'
 * NODE_OPTIONS, takes to import it against an empty handler bundled the same
 * way, in the same run.
 *
 * On stderr: each function's size, and what fills the largest bundle (from
 * esbuild's metafile), by package.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { BUNDLING } from '../lib/bundling.ts';
import { FUNCTIONS, type FunctionName } from '../lib/wiring.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** What NodejsFunction passes esbuild for the construct's `bundling` options (aws-cdk-lib's Bundling.buildEsbuildArgs). */
const CONSTRUCT_OPTIONS: BuildOptions = {
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
  logLevel: 'warning',
  absWorkingDir: PROJECT_ROOT,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Bundles `entry` to `<dir>/<name>/index.mjs` (the construct's file name for ESM); answers its size and metafile. */
async function bundle(entry: string, dir: string, name: string): Promise<{ file: string; bytes: number; metafile: Metafile }> {
  const file = join(dir, name, 'index.mjs');
  const { metafile } = await build({ ...CONSTRUCT_OPTIONS, entryPoints: [entry], outfile: file, metafile: true });
  return { file, bytes: statSync(file).size, metafile: metafile! };
}

/** Where a bundled input comes from: its npm package, or this project. */
function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : 'this project';
}

/** The bytes each package contributes to the bundle, largest first. */
function byPackage(metafile: Metafile): Array<[string, number]> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      sizes.set(packageOf(input), (sizes.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

/**
 * A fresh node importing the bundle: the import's own time (ms), measured
 * inside the process, and the whole process's wall time, spawn to exit.
 * The environment names a region and a table, as Lambda's would (some modules
 * read their configuration when they load), and has the functions'
 * NODE_OPTIONS: with source maps on, Node reads the map beside the bundle as
 * it loads it.
 */
function loadOnce(file: string, cwd: string): { importMs: number; processMs: number } {
  const code = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t); process.exit(0);`;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, NODE_OPTIONS: BUNDLING.nodeOptions, AWS_REGION: 'us-east-1', TABLE_NAME: 'petitions', POWERTOOLS_SERVICE_NAME: 'petitions' },
  });
  const processMs = performance.now() - started;
  const importMs = Number(result.stdout.trim());
  if (result.status !== 0 || !Number.isFinite(importMs)) throw new Error(`importing ${file} failed: ${result.stderr}`);
  return { importMs, processMs };
}

export async function benchBundle(runs = 11): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const sizes = new Map<FunctionName, { file: string; bytes: number; metafile: Metafile }>();
    for (const [name, fn] of Object.entries(FUNCTIONS) as Array<[FunctionName, (typeof FUNCTIONS)[FunctionName]]>) {
      sizes.set(name, await bundle(join(PROJECT_ROOT, fn.entry), dir, name));
    }
    const ranked = [...sizes].sort((a, b) => b[1].bytes - a[1].bytes);
    for (const [name, { bytes }] of ranked) console.error(`  ${name.padEnd(18)} ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
    const [largestName, largest] = ranked[0]!;
    const contributors = byPackage(largest.metafile).slice(0, 8);
    console.error(`  ${largestName} by package: ${contributors.map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(1)} KB`).join(', ')}`);

    const emptyEntry = join(dir, 'empty.ts');
    writeFileSync(emptyEntry, 'export const handler = async () => ({});\n');
    const empty = await bundle(emptyEntry, dir, 'empty');
    console.error(`  empty handler      ${(empty.bytes / 1024).toFixed(1).padStart(7)} KB`);

    // One run each to warm the file cache, then alternate, so both meet the same machine.
    loadOnce(empty.file, dir);
    loadOnce(largest.file, dir);
    const times = { empty: [] as Array<{ importMs: number; processMs: number }>, largest: [] as Array<{ importMs: number; processMs: number }> };
    for (let run = 0; run < runs; run++) {
      times.empty.push(loadOnce(empty.file, dir));
      times.largest.push(loadOnce(largest.file, dir));
    }
    const importOf = (list: typeof times.empty) => median(list.map((t) => t.importMs));
    const processOf = (list: typeof times.empty) => median(list.map((t) => t.processMs));
    console.error(`  import, median of ${runs}: ${largestName} ${importOf(times.largest).toFixed(1)} ms, empty ${importOf(times.empty).toFixed(1)} ms`);
    console.error(`  whole node process (start, import, exit): ${largestName} ${processOf(times.largest).toFixed(0)} ms, empty ${processOf(times.empty).toFixed(0)} ms, ratio ${(processOf(times.largest) / processOf(times.empty)).toFixed(2)}`);
    return [`bundle: largest_kb=${(largest.bytes / 1024).toFixed(1)} load_ratio=${(importOf(times.largest) / importOf(times.empty)).toFixed(2)}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
