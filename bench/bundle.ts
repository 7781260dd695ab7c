/**
 * Cold start: bundles every function of the wiring with the deployed build's
 * options (lib/bundling.ts's ESBUILD_OPTIONS: esbuild, ESM,
 * minified, node22, mainFields module,main, the createRequire banner, the
 * aliases, UTF-8 output, a source map without sources, every module bundled) into a
 * temporary folder, and the same for a minimal handler with the same SDK
 * clients (bench/minimal-handler.ts). Prints
 * `bundle: largest_kb=K vs_minimal_sdk=R cold_process_ratio=C`: the largest
 * bundle in KB (1,024 bytes; the source map is a separate file and not
 * counted) and against the minimal one's size, and the median wall time of a
 * whole cold process (a fresh `node` with Lambda's environment and the
 * functions' NODE_OPTIONS: start, import, first invocation against the
 * emulators, exit) of `submitCase` against the minimal handler's, in the same
 * run.
 *
 * On stderr: each function's size, what fills the largest bundle (from
 * esbuild's metafile) by package, submitCase's own size against the minimal
 * handler's when another bundle is larger, and the import and invocation
 * times apart.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { queueUrlEnv } from '../functions/shared/env.ts';
import { BUNDLE_FILE, BUNDLING, ESBUILD_OPTIONS } from '../lib/bundling.ts';
import { localTokenCheck } from '../lib/local/identity.ts';
import { environmentOf, FUNCTIONS, type FunctionName } from '../lib/wiring.ts';
import { budgetLine, median, warmUp } from './budget.ts';
import { benchSystem, quietMetrics, submitEvent, submission } from './intake.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Bundles `entry` to `<dir>/<name>/index.mjs` with the deployed build's options; answers its size and metafile. */
async function bundle(entry: string, dir: string, name: string): Promise<{ file: string; bytes: number; metafile: Metafile }> {
  const file = join(dir, name, BUNDLE_FILE);
  const { metafile } = await build({ ...ESBUILD_OPTIONS, entryPoints: [entry], outfile: file, metafile: true });
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

/** The SDK packages in a bundle: the clients it makes, and what they bring. */
const sdkPackagesOf = (metafile: Metafile) => byPackage(metafile).map(([pkg]) => pkg).filter((pkg) => /^@aws-sdk\/(client-|lib-)/.test(pkg)).sort();

interface ColdProcess {
  processMs: number;
  importMs: number;
  invokeMs: number;
}

const run = promisify(execFile);

/**
 * A whole cold process: a fresh node, with Lambda's view (its environment, the
 * role's keys in it, no AWS files) and the functions' NODE_OPTIONS (with source
 * maps on, Node reads the map beside the bundle as it loads it), imports the
 * bundle and invokes its handler once with `event`; the wall time from spawn
 * to exit, and the import and the invocation as timed inside. Spawned
 * asynchronously: fauxqs answers from this process.
 */
async function coldProcess(file: string, cwd: string, environment: Record<string, string>, event: unknown): Promise<ColdProcess> {
  const code = `
    const t0 = performance.now();
    const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});
    const t1 = performance.now();
    const answer = await handler(JSON.parse(process.env.EVENT), { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 });
    const t2 = performance.now();
    if (answer.statusCode !== 201) throw new Error('answered ' + JSON.stringify(answer));
    console.log(JSON.stringify({ importMs: t1 - t0, invokeMs: t2 - t1 }));
    process.exit(0);`;
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => /^AWS_(REGION|ACCESS_KEY_ID|SECRET_ACCESS_KEY|ENDPOINT_URL_\w+|SDK_JS_\w+)$/.test(name))),
      NODE_OPTIONS: BUNDLING.nodeOptions,
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      ...environment,
      EVENT: JSON.stringify(event),
    },
  });
  const processMs = performance.now() - started;
  return { processMs, ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as { importMs: number; invokeMs: number }) };
}

const COLD = 'submitCase';

export async function benchBundle(runs = 11): Promise<string[]> {
  quietMetrics();
  const { onEmulators } = await import('./cases.ts');
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

    const minimal = await bundle(join(PROJECT_ROOT, 'bench/minimal-handler.ts'), dir, 'minimal');
    console.error(`  minimal handler    ${(minimal.bytes / 1024).toFixed(1).padStart(7)} KB (${sdkPackagesOf(minimal.metafile).join(', ')})`);
    const [largestSdk, minimalSdk] = [sdkPackagesOf(largest.metafile).join(', '), sdkPackagesOf(minimal.metafile).join(', ')];
    if (largestSdk !== minimalSdk) console.error(`  NOTE: ${largestName} bundles other SDK clients (${largestSdk}) than the minimal handler`);
    if (largestName !== COLD) {
      // The yardstick makes intake's SDK clients: intake's own bundle against it, for the record (the budget line takes the largest).
      const intake = sizes.get(COLD)!;
      console.error(`  NOTE: the cold process is timed for ${COLD}, not the largest (${largestName})`);
      console.error(`  ${COLD} ${(intake.bytes / 1024).toFixed(1)} KB, ${(intake.bytes / minimal.bytes).toFixed(2)} times the minimal handler; by package: ${byPackage(intake.metafile).slice(0, 10).map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(1)} KB`).join(', ')}`);
    }

    const cold = await onEmulators(async () => {
      const table = 'bench-bundle';
      const { signingKey, secret } = await benchSystem(table);
      const queueUrl = (queue: Parameters<typeof queueUrlEnv>[0]) => process.env[queueUrlEnv(queue)]!;
      const environment = { ...environmentOf(COLD, { tableName: table, queueUrl, topicArn: () => 'unused', tokens: localTokenCheck(signingKey), secret }), POLICY: JSON.stringify({ phoneVerification: false }) };
      const minimalEnvironment = { TABLE_NAME: table, QUEUE_URL: queueUrl('routing'), DEPLOYMENT_SECRET: secret.value };
      let phone = 0;
      const once = {
        function: () => coldProcess(sizes.get(COLD)!.file, dir, environment, submitEvent(submission(phone++))),
        minimal: () => coldProcess(minimal.file, dir, minimalEnvironment, submitEvent(submission(phone++))),
      };
      // Warm the file cache and DynamoDB Local until rounds (the median of 3 each) agree, then alternate.
      const warm = await warmUp(async () => {
        const round = { function: [] as number[], minimal: [] as number[] };
        for (let i = 0; i < 3; i++) for (const side of ['function', 'minimal'] as const) round[side].push((await once[side]()).processMs);
        return { function: median(round.function), minimal: median(round.minimal) };
      });
      console.error(`  warm-up: ${warm.rounds} rounds, ${warm.agreed ? 'the last two within 10%' : 'stopped at the cap before two rounds agreed'}`);
      const times = { function: [] as ColdProcess[], minimal: [] as ColdProcess[] };
      for (let i = 0; i < runs; i++) for (const side of ['function', 'minimal'] as const) times[side].push(await once[side]());
      return times;
    });
    const of = (list: ColdProcess[], key: keyof ColdProcess) => median(list.map((t) => t[key]));
    for (const key of ['importMs', 'invokeMs', 'processMs'] as const) {
      console.error(`  ${key.replace('Ms', '')}, median of ${runs}: ${COLD} ${of(cold.function, key).toFixed(1)} ms, minimal ${of(cold.minimal, key).toFixed(1)} ms`);
    }
    const vsMinimal = largest.bytes / minimal.bytes;
    const coldRatio = of(cold.function, 'processMs') / of(cold.minimal, 'processMs');
    return [
      `bundle: largest_kb=${(largest.bytes / 1024).toFixed(1)} vs_minimal_sdk=${vsMinimal.toFixed(2)} cold_process_ratio=${coldRatio.toFixed(2)}`,
      budgetLine('bundle', [
        { name: 'vs_minimal_sdk', value: Number(vsMinimal.toFixed(2)), limit: { max: 1.25 } },
        { name: 'cold_process_ratio', value: Number(coldRatio.toFixed(2)), limit: { max: 1.5 } },
      ]),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
