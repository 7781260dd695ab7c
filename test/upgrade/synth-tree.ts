/** Synthesizes a tree's CDK app as `cdk synth` does, in a child process, without bundling the functions. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './previous-release.ts';

/** A CloudFormation template, as far as the checks read it. */
export interface Template {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>;
}

/**
 * The `Petitions` stack's template from the tree at `dir`: its bin/app.ts run
 * with its cdk.json's context (as the CDK CLI passes it), functions' assets
 * left unbundled (their hashes do not matter to a diff) and CloudFormation's
 * built-in rules skipped (test/cdk/stack.test.ts holds the template to them).
 */
export async function synthTree(dir: string): Promise<Template> {
  const { context } = JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const out = await mkdtemp(join(tmpdir(), 'petitions-synth-'));
  try {
    await run(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
      cwd: dir,
      env: { ...process.env, CDK_VALIDATION: 'false', CDK_OUTDIR: out, CDK_CONTEXT_JSON: JSON.stringify({ ...context, 'aws:cdk:bundling-stacks': [] }) },
    });
    return JSON.parse(await readFile(join(out, 'Petitions.template.json'), 'utf8')) as Template;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
