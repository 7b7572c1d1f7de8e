// The typed Python 2.7 AST: the node classes, fields and field order of CPython 2.7's `ast`
// module (Parser/Python.asdl of 2.7). Every node is a plain JSON-serialisable object whose
// `_type` is the CPython class name. Field order in these interfaces is CPython's `_fields`
// order, and the converter builds objects in that order, so Object.keys() follows it too.
//
// Location attributes (`lineno`, 1-based; `col_offset`, 0-based byte offset into the line's
// UTF-8 text, as CPython computes it) exist on exactly the classes CPython gives them:
// stmt, expr and excepthandler. arguments, keyword, alias, comprehension, slices and the
// operator/context singletons carry none.
//
// ## Literal values (Str.s and Num.n)
// Python 2 has two string types and four number types; JS has neither split, so:
//
// - `Str.s: PyStrValue`
//   - a plain JS `string` is a Python 2 **str** (bytes). Each char code is one byte 0..255
//     (a "latin-1 string"): `'\xe9'` in source is `"\u00e9"` here, and `'é'` in a UTF-8 file is
//     the two bytes `"\u00c3\u00a9"`, exactly as CPython keeps the source bytes.
//   - `{ kind: 'unicode', value }` is a Python 2 **unicode**. `value` is a normal JS (UTF-16)
//     string; astral characters are surrogate pairs. CPython here is a UCS-4 build, where
//     `u'\ud83d\ude00'` is two code points, not one: when a value holds any surrogate code
//     point, `codePoints` lists every code point exactly and is authoritative.
// - `Num.n: PyNumValue`
//   - `{ kind: 'int', value }`: a Python 2 int (fits in a signed 64-bit C long). `value` is
//     the decimal string (JS numbers cannot hold every int64), e.g. "-9223372036854775808".
//   - `{ kind: 'long', value }`: a Python 2 long (`10L`, or a literal past 2**63-1), decimal.
//   - `{ kind: 'float', value }`: the exact double as Python 2.7's repr() prints it (shortest
//     round-trip form: "1.5", "1e+16", "-0.0", "inf", "nan"). strconv.ParseFloat and Number()
//     both read it back to the same double ("inf"/"nan" need the obvious special case in JS).
//   - `{ kind: 'complex', real, imag }`: both parts in the float format above. A literal `2j`
//     has real "0.0"; CPython folds `-2j` into the literal, giving real "-0.0", imag "-2.0".
// CPython 2.7 folds a minus sign directly before a number literal into the literal
// (`-1` is Num(n=-1), not UnaryOp), and we do the same.
//
// `Name.id`, `Attribute.attr`, identifiers in FunctionDef/ClassDef/alias/arguments/keyword are
// plain strings (Python 2 identifiers are ASCII str).

export interface Located {
  lineno: number;
  col_offset: number;
}

// ---------------------------------------------------------------------------------------------
// Literal values

/** A Python 2 unicode value. See the file comment for `codePoints`. */
export interface PyUnicode {
  kind: 'unicode';
  value: string;
  codePoints?: number[];
}

/** A plain string is a Python 2 str (one char per byte, 0..255); see the file comment. */
export type PyStrValue = string | PyUnicode;

export interface PyInt { kind: 'int'; value: string }
export interface PyLong { kind: 'long'; value: string }
export interface PyFloat { kind: 'float'; value: string }
export interface PyComplex { kind: 'complex'; real: string; imag: string }
export type PyNumValue = PyInt | PyLong | PyFloat | PyComplex;

// ---------------------------------------------------------------------------------------------
// mod

export interface Module { _type: 'Module'; body: stmt[] }
export interface Interactive { _type: 'Interactive'; body: stmt[] }
export interface Expression { _type: 'Expression'; body: expr }
export interface Suite { _type: 'Suite'; body: stmt[] }
export type mod = Module | Interactive | Expression | Suite;

// ---------------------------------------------------------------------------------------------
// stmt

export interface FunctionDef extends Located {
  _type: 'FunctionDef'; name: string; args: arguments; body: stmt[]; decorator_list: expr[];
}
export interface ClassDef extends Located {
  _type: 'ClassDef'; name: string; bases: expr[]; body: stmt[]; decorator_list: expr[];
}
export interface Return extends Located { _type: 'Return'; value: expr | null }
export interface Delete extends Located { _type: 'Delete'; targets: expr[] }
export interface Assign extends Located { _type: 'Assign'; targets: expr[]; value: expr }
export interface AugAssign extends Located { _type: 'AugAssign'; target: expr; op: operator; value: expr }
/** `print >>dest, a, b,` — nl is false when the statement ends with a comma. */
export interface Print extends Located { _type: 'Print'; dest: expr | null; values: expr[]; nl: boolean }
export interface For extends Located { _type: 'For'; target: expr; iter: expr; body: stmt[]; orelse: stmt[] }
export interface While extends Located { _type: 'While'; test: expr; body: stmt[]; orelse: stmt[] }
export interface If extends Located { _type: 'If'; test: expr; body: stmt[]; orelse: stmt[] }
/** `with a as b, c:` is nested With nodes in 2.7, one per item. */
export interface With extends Located { _type: 'With'; context_expr: expr; optional_vars: expr | null; body: stmt[] }
export interface Raise extends Located { _type: 'Raise'; type: expr | null; inst: expr | null; tback: expr | null }
export interface TryExcept extends Located { _type: 'TryExcept'; body: stmt[]; handlers: excepthandler[]; orelse: stmt[] }
export interface TryFinally extends Located { _type: 'TryFinally'; body: stmt[]; finalbody: stmt[] }
export interface Assert extends Located { _type: 'Assert'; test: expr; msg: expr | null }
export interface Import extends Located { _type: 'Import'; names: alias[] }
/** `module` is null for `from . import x`; `level` counts the leading dots. */
export interface ImportFrom extends Located { _type: 'ImportFrom'; module: string | null; names: alias[]; level: number | null }
export interface Exec extends Located { _type: 'Exec'; body: expr; globals: expr | null; locals: expr | null }
export interface Global extends Located { _type: 'Global'; names: string[] }
export interface Expr extends Located { _type: 'Expr'; value: expr }
export interface Pass extends Located { _type: 'Pass' }
export interface Break extends Located { _type: 'Break' }
export interface Continue extends Located { _type: 'Continue' }

export type stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | Print | For | While | If | With
  | Raise | TryExcept | TryFinally | Assert | Import | ImportFrom | Exec | Global | Expr | Pass
  | Break | Continue;

// ---------------------------------------------------------------------------------------------
// expr

export interface BoolOp extends Located { _type: 'BoolOp'; op: boolop; values: expr[] }
export interface BinOp extends Located { _type: 'BinOp'; left: expr; op: operator; right: expr }
export interface UnaryOp extends Located { _type: 'UnaryOp'; op: unaryop; operand: expr }
export interface Lambda extends Located { _type: 'Lambda'; args: arguments; body: expr }
export interface IfExp extends Located { _type: 'IfExp'; test: expr; body: expr; orelse: expr }
export interface Dict extends Located { _type: 'Dict'; keys: expr[]; values: expr[] }
export interface Set extends Located { _type: 'Set'; elts: expr[] }
export interface ListComp extends Located { _type: 'ListComp'; elt: expr; generators: comprehension[] }
export interface SetComp extends Located { _type: 'SetComp'; elt: expr; generators: comprehension[] }
export interface DictComp extends Located { _type: 'DictComp'; key: expr; value: expr; generators: comprehension[] }
export interface GeneratorExp extends Located { _type: 'GeneratorExp'; elt: expr; generators: comprehension[] }
export interface Yield extends Located { _type: 'Yield'; value: expr | null }
export interface Compare extends Located { _type: 'Compare'; left: expr; ops: cmpop[]; comparators: expr[] }
export interface Call extends Located {
  _type: 'Call'; func: expr; args: expr[]; keywords: keyword[]; starargs: expr | null; kwargs: expr | null;
}
/** Backticks: `x` */
export interface Repr extends Located { _type: 'Repr'; value: expr }
export interface Num extends Located { _type: 'Num'; n: PyNumValue }
export interface Str extends Located { _type: 'Str'; s: PyStrValue }
export interface Attribute extends Located { _type: 'Attribute'; value: expr; attr: string; ctx: expr_context }
export interface Subscript extends Located { _type: 'Subscript'; value: expr; slice: slice; ctx: expr_context }
export interface Name extends Located { _type: 'Name'; id: string; ctx: expr_context }
export interface List extends Located { _type: 'List'; elts: expr[]; ctx: expr_context }
export interface Tuple extends Located { _type: 'Tuple'; elts: expr[]; ctx: expr_context }

export type expr =
  | BoolOp | BinOp | UnaryOp | Lambda | IfExp | Dict | Set | ListComp | SetComp | DictComp
  | GeneratorExp | Yield | Compare | Call | Repr | Num | Str | Attribute | Subscript | Name | List
  | Tuple;

// ---------------------------------------------------------------------------------------------
// expr_context, slice, operators (singletons: `{ _type: 'Load' }` etc.)

export interface Load { _type: 'Load' }
export interface Store { _type: 'Store' }
export interface Del { _type: 'Del' }
export interface AugLoad { _type: 'AugLoad' }
export interface AugStore { _type: 'AugStore' }
export interface Param { _type: 'Param' }
export type expr_context = Load | Store | Del | AugLoad | AugStore | Param;

export interface Ellipsis { _type: 'Ellipsis' }
export interface Slice { _type: 'Slice'; lower: expr | null; upper: expr | null; step: expr | null }
export interface ExtSlice { _type: 'ExtSlice'; dims: slice[] }
export interface Index { _type: 'Index'; value: expr }
export type slice = Ellipsis | Slice | ExtSlice | Index;

export interface And { _type: 'And' }
export interface Or { _type: 'Or' }
export type boolop = And | Or;

export type OperatorName =
  | 'Add' | 'Sub' | 'Mult' | 'Div' | 'Mod' | 'Pow' | 'LShift' | 'RShift' | 'BitOr' | 'BitXor'
  | 'BitAnd' | 'FloorDiv';
export interface operator { _type: OperatorName }

export type UnaryOpName = 'Invert' | 'Not' | 'UAdd' | 'USub';
export interface unaryop { _type: UnaryOpName }

export type CmpOpName = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';
export interface cmpop { _type: CmpOpName }

// ---------------------------------------------------------------------------------------------
// The small product types (no location attributes in 2.7)

export interface comprehension { _type: 'comprehension'; target: expr; iter: expr; ifs: expr[] }

export interface ExceptHandler extends Located {
  _type: 'ExceptHandler'; type: expr | null; name: expr | null; body: stmt[];
}
export type excepthandler = ExceptHandler;

/**
 * Parameters. `args` are Name(ctx=Param) or, for Python 2 tuple parameters `def f((a, b)):`,
 * Tuple(ctx=Store) of Name(ctx=Store). vararg/kwarg are bare identifiers.
 */
export interface arguments {
  _type: 'arguments'; args: expr[]; vararg: string | null; kwarg: string | null; defaults: expr[];
}
export interface keyword { _type: 'keyword'; arg: string; value: expr }
export interface alias { _type: 'alias'; name: string; asname: string | null }

// ---------------------------------------------------------------------------------------------

/** Every node type, for generic walkers. */
export type AstNode =
  | mod | stmt | expr | expr_context | slice | boolop | operator | unaryop | cmpop
  | comprehension | excepthandler | arguments | keyword | alias;

/** CPython's `_fields` for each class, in order: what ast.dump and generic walkers iterate. */
export const FIELDS: Readonly<Record<string, readonly string[]>> = {
  Module: ['body'], Interactive: ['body'], Expression: ['body'], Suite: ['body'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list'],
  ClassDef: ['name', 'bases', 'body', 'decorator_list'],
  Return: ['value'], Delete: ['targets'], Assign: ['targets', 'value'],
  AugAssign: ['target', 'op', 'value'], Print: ['dest', 'values', 'nl'],
  For: ['target', 'iter', 'body', 'orelse'], While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'], With: ['context_expr', 'optional_vars', 'body'],
  Raise: ['type', 'inst', 'tback'], TryExcept: ['body', 'handlers', 'orelse'],
  TryFinally: ['body', 'finalbody'], Assert: ['test', 'msg'], Import: ['names'],
  ImportFrom: ['module', 'names', 'level'], Exec: ['body', 'globals', 'locals'],
  Global: ['names'], Expr: ['value'], Pass: [], Break: [], Continue: [],
  BoolOp: ['op', 'values'], BinOp: ['left', 'op', 'right'], UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'], IfExp: ['test', 'body', 'orelse'], Dict: ['keys', 'values'],
  Set: ['elts'], ListComp: ['elt', 'generators'], SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'], GeneratorExp: ['elt', 'generators'],
  Yield: ['value'], Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords', 'starargs', 'kwargs'], Repr: ['value'], Num: ['n'],
  Str: ['s'], Attribute: ['value', 'attr', 'ctx'], Subscript: ['value', 'slice', 'ctx'],
  Name: ['id', 'ctx'], List: ['elts', 'ctx'], Tuple: ['elts', 'ctx'],
  Load: [], Store: [], Del: [], AugLoad: [], AugStore: [], Param: [],
  Ellipsis: [], Slice: ['lower', 'upper', 'step'], ExtSlice: ['dims'], Index: ['value'],
  And: [], Or: [],
  Add: [], Sub: [], Mult: [], Div: [], Mod: [], Pow: [], LShift: [], RShift: [], BitOr: [],
  BitXor: [], BitAnd: [], FloorDiv: [],
  Invert: [], Not: [], UAdd: [], USub: [],
  Eq: [], NotEq: [], Lt: [], LtE: [], Gt: [], GtE: [], Is: [], IsNot: [], In: [], NotIn: [],
  comprehension: ['target', 'iter', 'ifs'], ExceptHandler: ['type', 'name', 'body'],
  arguments: ['args', 'vararg', 'kwarg', 'defaults'], keyword: ['arg', 'value'],
  alias: ['name', 'asname'],
};

/** Classes that carry lineno/col_offset (CPython's `_attributes`). */
export function hasLocation(type: string): boolean {
  return LOCATED.has(type);
}

const LOCATED: ReadonlySet<string> = new globalThis.Set([
  'FunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'Print', 'For', 'While',
  'If', 'With', 'Raise', 'TryExcept', 'TryFinally', 'Assert', 'Import', 'ImportFrom', 'Exec',
  'Global', 'Expr', 'Pass', 'Break', 'Continue',
  'BoolOp', 'BinOp', 'UnaryOp', 'Lambda', 'IfExp', 'Dict', 'Set', 'ListComp', 'SetComp',
  'DictComp', 'GeneratorExp', 'Yield', 'Compare', 'Call', 'Repr', 'Num', 'Str', 'Attribute',
  'Subscript', 'Name', 'List', 'Tuple', 'ExceptHandler',
]);
