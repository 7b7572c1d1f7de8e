// The one place where text from the scanned repository becomes HTML. Everything a template prints
// goes through one of these, chosen by context: element text, attribute value, or JSON in <script>.

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;',
};

/** For element content: `<p>{{text x}}</p>`. Quotes are harmless there, so they stay readable. */
export function escapeText(value: unknown): string {
  const s = String(value ?? '');
  return /[&<>]/.test(s) ? s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!) : s;
}

/** For a quoted attribute value: `<a title="{{attr x}}">`. Templates always quote attributes. */
export function escapeAttr(value: unknown): string {
  const s = String(value ?? '');
  return /[&<>"'`]/.test(s) ? s.replace(/[&<>"'`]/g, (c) => ATTR_ESCAPES[c]!) : s;
}

/**
 * JSON safe to embed in `<script type="application/json">`: `<` is written as \u003c so no
 * `</script>` or `<!--` can end or alter the element; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A path segment for an href built from repository names (already slugged); keeps '/' and '#'. */
export function escapeUrl(value: unknown): string {
  return escapeAttr(encodeURI(String(value ?? '')));
}
