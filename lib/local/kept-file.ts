import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A value kept in `dataDir` across restarts: read from `file`, or made and
 * written there (owner-only) on first use.
 */
export async function keptFile(dataDir: string, file: string, make: () => Promise<string> | string): Promise<string> {
  const path = join(dataDir, file);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx': if two processes race (the runtime and `npm run token`), one value wins and both read it.
    await writeFile(path, await make(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFile(path, 'utf8');
}
