import { describe, expect, it } from 'vitest';
import { accessCodeMatches, hashAccessCode, newAccessCode } from '../../functions/domain/access-code.ts';
import { submissionSchema } from '../../functions/domain/intake.ts';
import { isValidIdNumber, matterFingerprint } from '../../functions/domain/petitioner.ts';
import { createHash, createSecretKey } from 'node:crypto';
import { FINGERPRINT_KEY, idNumber } from '../support/domain.ts';

describe('identity numbers', () => {
  it('accepts a number with its check character, including X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(idNumber())).toBe(true);
  });

  it('refuses a wrong check character, a wrong length or letters', () => {
    const valid = idNumber();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(isValidIdNumber(wrong)).toBe(false);
    expect(isValidIdNumber(valid.slice(0, 17))).toBe(false);
    expect(isValidIdNumber('A' + valid.slice(1))).toBe(false);
  });
});

describe('matter fingerprints', () => {
  it('are the same for one phone written in different ways', () => {
    const a = matterFingerprint({ phone: '13800138000' }, 'housing', '330726001001', FINGERPRINT_KEY);
    expect(matterFingerprint({ phone: '+86 13800138000' }, 'housing', '330726001001', FINGERPRINT_KEY)).toBe(a);
    expect(matterFingerprint({ phone: '86-13800138000' }, 'housing', '330726001001', FINGERPRINT_KEY)).toBe(a);
  });

  it('prefer the identity number to the phone', () => {
    const id = idNumber();
    expect(matterFingerprint({ idNumber: id, phone: '13800138000' }, 'land', '330726', FINGERPRINT_KEY)).toBe(
      matterFingerprint({ idNumber: id, phone: '13900139000' }, 'land', '330726', FINGERPRINT_KEY),
    );
  });

  it('differ by category and by region, and contain no personal data', () => {
    const base = matterFingerprint({ phone: '13800138000' }, 'housing', '330726001001', FINGERPRINT_KEY);
    expect(matterFingerprint({ phone: '13800138000' }, 'land', '330726001001', FINGERPRINT_KEY)).not.toBe(base);
    expect(matterFingerprint({ phone: '13800138000' }, 'housing', '330726001002', FINGERPRINT_KEY)).not.toBe(base);
    expect(base).not.toContain('13800138000');
  });

  it('are keyed: another key gives another fingerprint, and none is the bare hash that trying every phone would reverse', () => {
    const base = matterFingerprint({ phone: '13800138000' }, 'housing', '330726001001', FINGERPRINT_KEY);
    expect(matterFingerprint({ phone: '13800138000' }, 'housing', '330726001001', createSecretKey(Buffer.alloc(32, 8)))).not.toBe(base);
    expect(base).not.toBe(createHash('sha256').update('phone:13800138000\nhousing\n330726001001').digest('base64url'));
  });
});

describe('access codes', () => {
  it('are three groups of four unambiguous characters, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, newAccessCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
  });

  it('are stored as a hash that matches the code however it is typed', () => {
    const code = newAccessCode();
    const hash = hashAccessCode(code);
    expect(hash).not.toContain(code.replaceAll('-', ''));
    expect(accessCodeMatches(code, hash)).toBe(true);
    expect(accessCodeMatches(code.toLowerCase().replaceAll('-', ' '), hash)).toBe(true);
    expect(accessCodeMatches(newAccessCode(), hash)).toBe(false);
    expect(accessCodeMatches('', hash)).toBe(false);
  });
});

describe('the submission schema', () => {
  const valid = {
    channel: 'online',
    category: 'housing',
    title: ' 漏水 ',
    content: '楼顶漏水',
    regionCode: '330726001001',
    petitioner: { name: '张三', phone: '13800138000' },
  };

  it('accepts a valid submission, trims text and defaults the headcount to 1', () => {
    const parsed = submissionSchema.parse(valid);
    expect(parsed.title).toBe('漏水');
    expect(parsed.headcount).toBe(1);
  });

  it('upper-cases an identity number ending in x', () => {
    const parsed = submissionSchema.parse({ ...valid, petitioner: { name: '李四', idNumber: '11010519491231002x' } });
    expect(parsed.petitioner.idNumber).toBe('11010519491231002X');
  });

  it.each([
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['an empty title', { title: '  ' }, 'title'],
    ['a region code of 7 digits', { regionCode: '3307260' }, 'regionCode'],
    ['a headcount of 0', { headcount: 0 }, 'headcount'],
    ['a fractional headcount', { headcount: 1.5 }, 'headcount'],
    ['no way to reach the petitioner', { petitioner: { name: '张三' } }, 'petitioner.phone'],
    ['a malformed phone', { petitioner: { name: '张三', phone: '12345' } }, 'petitioner.phone'],
    ['a bad identity number', { petitioner: { name: '张三', idNumber: '110105194912310021' } }, 'petitioner.idNumber'],
    ['an unknown field', { priority: 'high' }, ''],
  ])('refuses %s', (_, change, path) => {
    const result = submissionSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
