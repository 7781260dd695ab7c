import { describe, expect, it } from 'vitest';
import { hiddenCharacter, longText, text } from '../../functions/domain/fields.ts';
import * as z from '../../functions/domain/zod.ts';

const HIDDEN = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['a C1 control (NEL)', '\u0085'],
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width joiner', '\u200d'],
  ['word joiner', '\u2060'],
  ['byte-order mark inside', '\ufeff'],
  ['soft hyphen', '\u00ad'],
  ['left-to-right mark', '\u200e'],
  ['right-to-left mark', '\u200f'],
  ['right-to-left embedding', '\u202b'],
  ['right-to-left override', '\u202e'],
  ['pop directional formatting', '\u202c'],
  ['right-to-left isolate', '\u2067'],
  ['pop directional isolate', '\u2069'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['lone high surrogate', '\ud83d'],
  ['lone low surrogate', '\ude00'],
] as const;

describe('text a person writes', () => {
  const form = z.strictObject({ title: text(50), content: longText(500) });

  it.each(HIDDEN)('refuses a %s in one-line and in long text, naming the field, the character and where', (_, character) => {
    const result = form.safeParse({ title: `楼顶${character}漏水`, content: `三个月${character}无人处理` });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(issues).toEqual([
      { path: 'title', message: expect.stringContaining(`${codePoint} at 2`) },
      { path: 'content', message: expect.stringContaining(`${codePoint} at 3`) },
    ]);
  });

  it('allows line breaks and tabs in long text, not on one line', () => {
    expect(form.safeParse({ title: '楼顶漏水', content: '第一段\r\n第二段\n\t缩进' }).success).toBe(true);
    for (const breaking of ['\n', '\r', '\t']) {
      const result = form.safeParse({ title: `楼顶${breaking}漏水`, content: 'x' });
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
    }
  });

  it('keeps what people write: Chinese, punctuation, emoji (surrogate pairs), the ideographic space', () => {
    const written = { title: '城南社区３幢　楼顶漏水！😀', content: '物业不予处理（已三次）。👍🏽 «citation» — ok' };
    expect(form.parse(written)).toEqual(written);
  });

  it('trims around, then measures', () => {
    expect(form.parse({ title: '  标题 ', content: '\n内容\n' })).toEqual({ title: '标题', content: '内容' });
    expect(form.safeParse({ title: ' \t ', content: 'x' }).success).toBe(false);
  });

  it('hiddenCharacter answers the first one, or nothing', () => {
    expect(hiddenCharacter('ab\u202ec\u200b', 'one line')).toEqual({ codePoint: 'U+202E', at: 2 });
    expect(hiddenCharacter('a\nb', 'lines')).toBeUndefined();
    expect(hiddenCharacter('a\nb', 'one line')).toEqual({ codePoint: 'U+000A', at: 1 });
    expect(hiddenCharacter('😀', 'one line')).toBeUndefined();
  });
});
