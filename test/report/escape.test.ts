import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, jsonForScript } from '../../src/report/escape.js';

describe('escaping', () => {
  it('escapes element text so markup stays text', () => {
    expect(escapeText('<script>a && b</script>')).toBe('&lt;script&gt;a &amp;&amp; b&lt;/script&gt;');
    expect(escapeText(`it's "fine"`)).toBe(`it's "fine"`);
    expect(escapeText(undefined)).toBe('');
  });

  it('escapes attribute values including both quotes and backticks', () => {
    expect(escapeAttr(`a"b'c\`d<e>&`)).toBe('a&quot;b&#39;c&#96;d&lt;e&gt;&amp;');
  });

  it('embeds JSON that cannot close its script element', () => {
    const s = jsonForScript({ name: '</script><script>alert(1)</script>', amp: 'a&b', sep: '\u2028' });
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a&b', sep: '\u2028' });
  });
});
