// Go literal spelling for Python values: byte strings, identifiers, comments.

/** A Go interpreted string literal holding exactly these bytes (char codes 0..255). */
export function goBytes(s: string): string {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) r += '\\"';
    else if (c === 0x5c) r += '\\\\';
    else if (c === 0x0a) r += '\\n';
    else if (c === 0x09) r += '\\t';
    else if (c >= 0x20 && c < 0x7f) r += s[i];
    else r += '\\x' + c.toString(16).padStart(2, '0');
  }
  return r + '"';
}

/** A Go string literal holding the UTF-8 encoding of a JS string (used for names and source lines). */
export function goUtf8(s: string): string {
  return goBytes(Buffer.from(s, 'utf8').toString('latin1'));
}

/** Python code points of a unicode literal, as a Go []rune-compatible list or a string. */
export function goRunes(codePoints: number[]): string {
  return `[]rune{${codePoints.join(', ')}}`;
}

const GO_KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for',
  'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select',
  'struct', 'switch', 'type', 'var',
]);

/** A Go identifier for a Python local: prefixed, so it can never collide with generated names. */
export function goLocal(name: string): string {
  return `µ${name}`;
}

/**
 * The Go variable holding a function frame's locals() dict: CPython returns the same dict on every
 * call in one frame, refreshed each time. No Python name starts with a digit, so no goLocal clashes.
 */
export const LOCALS_DICT = 'µ0locals';

/** The Go variable keeping tuple parameter i whole, for locals(), where CPython names it `.i`. */
export function hiddenParam(i: number): string {
  return `µ0p${i}`;
}

/** Scopes whose body declares LOCALS_DICT: functions and comprehensions that may call locals() or vars(). */
export function hasLocalsDict(scope: { kind: string; used: Set<string> }): boolean {
  return (scope.kind === 'function' || scope.kind === 'comprehension') && (scope.used.has('locals') || scope.used.has('vars'));
}

/** A safe Go package name for a dotted module name. */
export function goPackageName(mod: string): string {
  const base = mod.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
  const name = /^[0-9]/.test(base) ? `m_${base}` : base;
  return GO_KEYWORDS.has(name) ? `${name}_` : name;
}

/** A line comment that cannot break out of the comment. */
export function goComment(s: string): string {
  return '// ' + s.replace(/[\r\n]/g, ' ');
}
