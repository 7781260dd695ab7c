import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_MODULES } from '../../lib/generated-modules.ts';

describe('the generated modules', () => {
  it.each(GENERATED_MODULES)('$file is what its package gives now (else: npm run generate)', ({ file, text }) => {
    expect(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8')).toBe(text());
  });
});
