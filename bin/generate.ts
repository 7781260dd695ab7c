/** Writes the generated modules of functions/domain (lib/generated-modules.ts). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GENERATED_MODULES } from '../lib/generated-modules.ts';

for (const { file, text } of GENERATED_MODULES) {
  const path = resolve(import.meta.dirname, '..', file);
  await writeFile(path, text());
  console.log(`wrote ${path}`);
}
