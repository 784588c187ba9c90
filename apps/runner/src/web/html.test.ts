import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, pathSegment, rawHtml } from './html.js';

const hostile = `"><script>alert('x')</script><img src=x onerror=alert(1)>&`;

describe('html', () => {
  it('escapes every interpolation, in text and in attributes', () => {
    const page = html`<a title="${hostile}">${hostile}</a>`.text;
    expect(page).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;">' +
        '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;</a>',
    );
    expect(page).not.toMatch(/<script|<img/);
  });

  it('keeps nested templates and raw markup, joins arrays, drops null/undefined/false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${null}${undefined}${false}${rawHtml('<hr>')}${0}</ul>`;
    expect(list.text).toBe('<ul><li>a&lt;b</li><li>c</li><hr>0</ul>');
  });

  it('escapeHtml maps exactly the five special characters', () => {
    expect(escapeHtml(`&<>"'/=\``)).toBe('&amp;&lt;&gt;&quot;&#39;/=`');
  });

  it('jsonForScript cannot close its script element and parses back to the value', () => {
    const value = { name: `</script><script>alert(1)</script>`, sep: '\u2028&' };
    const text = jsonForScript(value).text;
    expect(text).not.toContain('<');
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('pathSegment percent-encodes slashes, quotes and angle brackets', () => {
    expect(pathSegment(`a/b"<c>`)).toBe('a%2Fb%22%3Cc%3E');
  });
});
