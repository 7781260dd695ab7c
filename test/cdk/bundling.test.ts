/**
 * The native addon the similarity of petitions needs (@node-rs/jieba) runs in
 * the deployed functions: it is left out of the bundle, and the bundle's
 * folder (the function's code asset) holds it, its dictionary and its
 * prebuilt binary for the functions' platform (Linux, arm64, glibc).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, functionBundles, NATIVE_PACKAGES } from '../../lib/bundling.ts';
import { FUNCTIONS } from '../../lib/wiring.ts';

const importsJieba = (bundle: string) => /from\s*"@node-rs\/jieba(\/[^"]*)?"/.test(bundle);

describe('the bundles of functions that segment Chinese text', () => {
  it('leave @node-rs/jieba out, and ship it with its dictionary and its linux-arm64-gnu binary beside the bundle', { timeout: 300_000 }, () => {
    const bundles = functionBundles();
    const users = Object.keys(FUNCTIONS).filter((name) => importsJieba(readFileSync(join(bundles, name, BUNDLE_FILE), 'utf8')));
    // Routing groups cases by their text; the deploy's migrations sign open cases again (resign-matters).
    expect(users).toContain('routeCase');
    expect(users).toContain('seedReferenceData');
    for (const name of users) {
      const modules = join(bundles, name, 'node_modules', '@node-rs');
      for (const file of NATIVE_PACKAGES['@node-rs/jieba']!.files) expect(existsSync(join(modules, 'jieba', file)), `${name}: ${file}`).toBe(true);
      expect(readdirSync(join(modules, 'jieba-linux-arm64-gnu'))).toContain('jieba.linux-arm64-gnu.node');
      const binary = readFileSync(join(modules, 'jieba-linux-arm64-gnu', 'jieba.linux-arm64-gnu.node'));
      // An ELF object for AArch64 (e_machine 183), the Lambda platform's, whatever machine built it.
      expect(binary.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
      expect(binary.readUInt16LE(18)).toBe(183);
      const version = (path: string) => (JSON.parse(readFileSync(join(modules, path, 'package.json'), 'utf8')) as { version: string }).version;
      expect(version('jieba-linux-arm64-gnu')).toBe(version('jieba'));
    }
    // The others carry no copy they do not use.
    for (const name of Object.keys(FUNCTIONS).filter((fn) => !users.includes(fn))) expect(existsSync(join(bundles, name, 'node_modules'))).toBe(false);
  });
});
