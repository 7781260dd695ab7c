import { describe, expect, it } from 'vitest';
import { html, Html } from '../../functions/reports/html.ts';

describe('the html template', () => {
  it('escapes every interpolated value, in content and in attributes', () => {
    const title = '<script>alert("x")</script> & \'引号\'';
    expect(html`<td title="${title}">${title}</td>`.toString()).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引号&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引号&#39;</td>',
    );
  });

  it('takes markup it made as it is, joins arrays and leaves out null, undefined and false', () => {
    const cells = ['a<b', html`<b>${'c&d'}</b>`].map((c) => html`<td>${c}</td>`);
    expect(html`<tr>${cells}${null}${undefined}${false}${0}</tr>`.toString()).toBe('<tr><td>a&lt;b</td><td><b>c&amp;d</b></td>0</tr>');
  });

  it('does not take a look-alike string for markup', () => {
    const forged = { toString: () => '<img src=x onerror=alert(1)>' } as unknown as string;
    expect(html`${forged}`.toString()).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(html`${'<i>'}`).toBeInstanceOf(Html);
  });
});
