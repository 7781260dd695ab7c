import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOUNDS_FILE, soundsModule } from '../../lib/sounds.ts';

describe('the table of how characters sound', () => {
  it('is the one pinyin-pro gives now (else: npm run sounds)', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../..', SOUNDS_FILE), 'utf8')).toBe(soundsModule());
  });
});
