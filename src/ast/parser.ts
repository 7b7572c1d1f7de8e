// A recursive-descent parser for the Python 2.7 grammar (Grammar/Grammar of 2.7) that builds the
// typed AST directly, with the checks, node shapes and positions of CPython 2.7's Python/ast.c.
// Why not convert tree-sitter's CST: reading a tree out of node-tree-sitter costs as much as
// parsing (≈2.7 s for the 2.7 Lib, one N-API call per node field), which alone loses to
// CPython's own ast.parse; tokens give CPython's exact positions and error messages for free.
// tree-sitter still parses for the analyzer's facts (src/parse).
//
// Position rules worth knowing (measured against python2.7, see fixtures/ast):
// - a node's position is the first token of its grammar production, except where ast.c copies
//   a child's: calls/attributes/subscripts take their primary's AST position; an elif's If
//   takes its test's first token; With takes its item's first token; BinOp chains after the
//   first take the operator token; tuple targets of for/comprehensions take their first elt's.
// - a decorated def/class starts at its first '@'; a folded `-1` starts at the minus.
// - multi-line tokens (triple-quoted strings) are at their last line with col_offset -1.

import type * as A from './nodes.js';
import { T, type Token, type TokenStream } from './tokenize.js';
import { concatStrings, decodeStringToken, LiteralError, parseNumber, type StringContext } from './literals.js';

export interface SyntaxErrorInfo {
  /** CPython's exception class: SyntaxError, IndentationError, ValueError, MemoryError. */
  kind: string;
  message: string;
  lineno: number;
  col: number;
}

export class ParseFailure extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super(info.message);
  }
}

const KEYWORDS = new Set([
  'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'exec', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'not', 'or',
  'pass', 'print', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

// CPython's LL(1) parser has a fixed stack of 1500 entries; deeper input fails with
// "s_push: parser stack overflow" and MemoryError. We count the same grammar depth.
const MAXSTACK = 1500;
// Nonterminals from `test` down to `atom` (test, or_test … power, atom).
const TEST_TO_ATOM = 14;

const LOAD: A.Load = Object.freeze({ _type: 'Load' });
const STORE: A.Store = Object.freeze({ _type: 'Store' });
const DEL: A.Del = Object.freeze({ _type: 'Del' });
const PARAM: A.Param = Object.freeze({ _type: 'Param' });

const op = <N extends string>(name: N): { _type: N } => Object.freeze({ _type: name });
const BINOPS: Record<string, A.operator> = {
  '+': op('Add'), '-': op('Sub'), '*': op('Mult'), '/': op('Div'), '%': op('Mod'), '**': op('Pow'),
  '<<': op('LShift'), '>>': op('RShift'), '|': op('BitOr'), '^': op('BitXor'), '&': op('BitAnd'),
  '//': op('FloorDiv'),
};
const AUGOPS: Record<string, A.operator> = {};
for (const k of Object.keys(BINOPS)) AUGOPS[k + '='] = BINOPS[k]!;
const CMPOPS: Record<string, A.cmpop> = {
  '==': op('Eq'), '!=': op('NotEq'), '<>': op('NotEq'), '<': op('Lt'), '<=': op('LtE'), '>': op('Gt'),
  '>=': op('GtE'), in: op('In'), is: op('Is'),
};
const NOT_IN = op('NotIn');
const IS_NOT = op('IsNot');
const UNARY: Record<string, A.unaryop> = { '+': op('UAdd'), '-': op('USub'), '~': op('Invert') };
const NOT = op('Not');
const AND = op('And');
const OR = op('Or');

export interface ParserOptions {
  /** Decoded characters → source bytes, for str literals (depends on the file's encoding). */
  toBytes: (chars: string) => string;
}

/**
 * Parses a whole token array, or pulls tokens from a stream. A stream needs the file's
 * unicode_literals status up front (`unicodeLiterals`), since CPython applies it file-wide.
 */
export function parseTokens(src: Token[] | TokenStream, opts: ParserOptions & { unicodeLiterals?: boolean }): A.Module {
  return new Parser(src, opts).fileInput();
}

/** Tokens pulled per refill when streaming. */
const BATCH = 2048;

class Parser {
  private i = 0;
  private t: Token;
  private toks: Token[];
  private readonly stream: TokenStream | undefined;
  private depth = 0;
  private printFunction = false;
  private readonly strings: StringContext;

  constructor(src: Token[] | TokenStream, opts: ParserOptions & { unicodeLiterals?: boolean }) {
    if (Array.isArray(src)) {
      this.toks = src;
    } else {
      this.stream = src;
      this.toks = [];
      src.fill(this.toks, BATCH);
    }
    this.t = this.toks[0]!;
    const unicodeLiterals = opts.unicodeLiterals ?? hasFutureUnicodeLiterals(this.toks);
    this.strings = { unicodeLiterals, toBytes: opts.toBytes };
  }

  /** Drops consumed tokens and pulls the next batch from the stream. */
  private refill(): void {
    this.toks = this.toks.slice(this.i);
    this.i = 0;
    this.stream!.fill(this.toks, BATCH);
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers

  /** The current token's type (a method, so TypeScript does not narrow it across next()). */
  private tt(): T {
    return this.t.type;
  }

  private next(): Token {
    const t = this.t;
    if (this.i + 2 >= this.toks.length && this.stream && !this.stream.done) this.refill();
    this.t = this.toks[++this.i] ?? this.t;
    return t;
  }

  private peek(k = 1): Token {
    if (this.i + k >= this.toks.length && this.stream && !this.stream.done) this.refill();
    return this.toks[this.i + k] ?? this.toks[this.toks.length - 1]!;
  }

  private isOp(s: string): boolean {
    return this.tt() === T.OP && this.t.str === s;
  }

  private isKw(s: string): boolean {
    return this.tt() === T.NAME && this.t.str === s && (s !== 'print' || !this.printFunction);
  }

  private isKeyword(t: Token): boolean {
    return t.type === T.NAME && KEYWORDS.has(t.str) && (t.str !== 'print' || !this.printFunction);
  }

  private expectOp(s: string): Token {
    if (!this.isOp(s)) this.syntaxError(this.t);
    return this.next();
  }

  private expectKw(s: string): Token {
    if (!this.isKw(s)) this.syntaxError(this.t);
    return this.next();
  }

  private expectName(): Token {
    if (this.tt() !== T.NAME || this.isKeyword(this.t)) this.syntaxError(this.t);
    return this.next();
  }

  /** The error CPython's parser reports for an unexpected token. */
  private syntaxError(t: Token): never {
    if (t.type === T.ERROR) {
      const kind = /indent/.test(t.str) ? 'IndentationError' : 'SyntaxError';
      throw new ParseFailure({ kind, message: t.str, lineno: t.lineno, col: Math.max(t.col, 0) });
    }
    // CPython reports a failure at the end of input as "unexpected EOF" only on line 1;
    // elsewhere it is the ordinary error at the last line (measured, see fixtures/ast/edge_*).
    if (t.implied && t.lineno === 1) throw new ParseFailure({ kind: 'SyntaxError', message: 'unexpected EOF while parsing', lineno: 1, col: Math.max(t.col, 0) });
    if (t.type === T.INDENT) throw new ParseFailure({ kind: 'IndentationError', message: 'unexpected indent', lineno: t.lineno, col: 0 });
    if (t.type === T.DEDENT) throw new ParseFailure({ kind: 'IndentationError', message: 'unexpected unindent', lineno: t.lineno, col: 0 });
    throw new ParseFailure({ kind: 'SyntaxError', message: 'invalid syntax', lineno: t.lineno, col: Math.max(t.col, 0) });
  }

  private astError(at: { lineno: number; col_offset?: number; col?: number }, message: string, kind = 'SyntaxError'): never {
    throw new ParseFailure({ kind, message, lineno: at.lineno, col: Math.max(at.col_offset ?? at.col ?? 0, 0) });
  }

  private push(n: number, at: Token): void {
    this.depth += n;
    if (this.depth > MAXSTACK) {
      throw new ParseFailure({ kind: 'MemoryError', message: 's_push: parser stack overflow', lineno: at.lineno, col: Math.max(at.col, 0) });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  fileInput(): A.Module {
    const body: A.stmt[] = [];
    this.depth = 1;
    while (this.tt() !== T.ENDMARKER) {
      if (this.tt() === T.NEWLINE) { this.next(); continue; }
      this.stmt(body);
    }
    return { _type: 'Module', body };
  }

  private stmt(out: A.stmt[]): void {
    const t = this.t;
    this.push(2, t); // stmt, compound_stmt | simple_stmt
    if (t.type === T.NAME) {
      switch (t.str) {
        case 'if': out.push(this.ifStmt()); this.depth -= 2; return;
        case 'while': out.push(this.whileStmt()); this.depth -= 2; return;
        case 'for': out.push(this.forStmt()); this.depth -= 2; return;
        case 'try': out.push(this.tryStmt()); this.depth -= 2; return;
        case 'with': out.push(this.withStmt()); this.depth -= 2; return;
        case 'def': out.push(this.funcdef(t, [])); this.depth -= 2; return;
        case 'class': out.push(this.classdef(t, [])); this.depth -= 2; return;
      }
    } else if (t.type === T.OP && t.str === '@') {
      out.push(this.decorated());
      this.depth -= 2;
      return;
    }
    this.simpleStmt(out);
    this.depth -= 2;
  }

  private simpleStmt(out: A.stmt[]): void {
    out.push(this.smallStmt());
    while (this.isOp(';')) {
      this.next();
      if (this.tt() === T.NEWLINE) break;
      out.push(this.smallStmt());
    }
    if (this.tt() !== T.NEWLINE) this.syntaxError(this.t);
    this.next();
  }

  private smallStmt(): A.stmt {
    const t = this.t;
    this.push(2, t);
    let s: A.stmt;
    if (t.type === T.NAME && this.isKeyword(t)) {
      switch (t.str) {
        case 'print': s = this.printStmt(); break;
        case 'del': {
          this.next();
          const targets = this.exprlist().elts.map((e) => this.setContext(e, DEL));
          s = { _type: 'Delete', targets, lineno: t.lineno, col_offset: t.col };
          break;
        }
        case 'pass': this.next(); s = { _type: 'Pass', lineno: t.lineno, col_offset: t.col }; break;
        case 'break': this.next(); s = { _type: 'Break', lineno: t.lineno, col_offset: t.col }; break;
        case 'continue': this.next(); s = { _type: 'Continue', lineno: t.lineno, col_offset: t.col }; break;
        case 'return': {
          this.next();
          const value = this.startsTest() ? this.testlist() : null;
          s = { _type: 'Return', value, lineno: t.lineno, col_offset: t.col };
          break;
        }
        case 'raise': {
          this.next();
          let type: A.expr | null = null;
          let inst: A.expr | null = null;
          let tback: A.expr | null = null;
          if (this.startsTest()) {
            type = this.test();
            if (this.isOp(',')) {
              this.next();
              inst = this.test();
              if (this.isOp(',')) { this.next(); tback = this.test(); }
            }
          }
          s = { _type: 'Raise', type, inst, tback, lineno: t.lineno, col_offset: t.col };
          break;
        }
        case 'yield': {
          const value = this.yieldExpr();
          s = { _type: 'Expr', value, lineno: t.lineno, col_offset: t.col };
          break;
        }
        case 'import': s = this.importName(); break;
        case 'from': s = this.importFrom(); break;
        case 'global': {
          this.next();
          const names = [this.expectName().str];
          while (this.isOp(',')) { this.next(); names.push(this.expectName().str); }
          s = { _type: 'Global', names, lineno: t.lineno, col_offset: t.col };
          break;
        }
        case 'exec': {
          this.next();
          let body = this.expr();
          let globals: A.expr | null = null;
          let locals: A.expr | null = null;
          if (this.isKw('in')) {
            this.next();
            globals = this.test();
            if (this.isOp(',')) { this.next(); locals = this.test(); }
          } else if (body._type === 'Tuple' && (body.elts.length === 2 || body.elts.length === 3)) {
            // `exec(code, globals[, locals])`: CPython 2.7 unpacks the tuple form.
            [body, globals, locals = null] = body.elts as [A.expr, A.expr, A.expr?];
          }
          s = { _type: 'Exec', body, globals, locals, lineno: t.lineno, col_offset: t.col };
          break;
        }
        case 'assert': {
          this.next();
          const test = this.test();
          let msg: A.expr | null = null;
          if (this.isOp(',')) { this.next(); msg = this.test(); }
          s = { _type: 'Assert', test, msg, lineno: t.lineno, col_offset: t.col };
          break;
        }
        default:
          if (t.str === 'lambda' || t.str === 'not') s = this.exprStmt();
          else this.syntaxError(t);
      }
    } else {
      s = this.exprStmt();
    }
    this.depth -= 2;
    return s;
  }

  private exprStmt(): A.stmt {
    const t = this.t;
    const first = this.testlist();
    if (this.tt() === T.OP) {
      const aug = AUGOPS[this.t.str];
      if (aug) {
        this.next();
        // As ast.c: set_context's own errors first, then only names, attributes, subscripts.
        const target = this.setContext(first, STORE, t);
        if (target._type !== 'Name' && target._type !== 'Attribute' && target._type !== 'Subscript') {
          this.astError(t, 'illegal expression for augmented assignment');
        }
        const value = this.isKw('yield') ? this.yieldExpr() : this.testlist();
        return { _type: 'AugAssign', target, op: aug, value, lineno: t.lineno, col_offset: t.col };
      }
      if (this.t.str === '=') {
        const parts: A.expr[] = [first];
        const starts: Token[] = [t];
        while (this.isOp('=')) {
          this.next();
          starts.push(this.t);
          parts.push(this.isKw('yield') ? this.yieldExpr() : this.testlist());
        }
        const targets: A.expr[] = [];
        for (let k = 0; k < parts.length - 1; k++) {
          const e = parts[k]!;
          // A bare `yield` target; a parenthesised one gets set_context's message.
          if (e._type === 'Yield' && starts[k]!.str === 'yield') this.astError(starts[k]!, 'assignment to yield expression not possible');
          targets.push(this.setContext(e, STORE, starts[k]));
        }
        return { _type: 'Assign', targets, value: parts[parts.length - 1]!, lineno: t.lineno, col_offset: t.col };
      }
    }
    return { _type: 'Expr', value: first, lineno: t.lineno, col_offset: t.col };
  }

  private printStmt(): A.Print {
    const t = this.next();
    let dest: A.expr | null = null;
    const values: A.expr[] = [];
    let nl = true;
    if (this.isOp('>>')) {
      this.next();
      dest = this.test();
      if (this.isOp(',')) {
        this.next();
        values.push(this.test());
        while (this.isOp(',')) {
          this.next();
          if (!this.startsTest()) { nl = false; break; }
          values.push(this.test());
        }
      }
    } else if (this.startsTest()) {
      values.push(this.test());
      while (this.isOp(',')) {
        this.next();
        if (!this.startsTest()) { nl = false; break; }
        values.push(this.test());
      }
    }
    return { _type: 'Print', dest, values, nl, lineno: t.lineno, col_offset: t.col };
  }

  private dottedName(): string {
    let name = this.expectName().str;
    while (this.isOp('.')) {
      this.next();
      name += '.' + this.expectName().str;
    }
    return name;
  }

  private importName(): A.Import {
    const t = this.next();
    const names: A.alias[] = [];
    do {
      if (names.length) this.next();
      const nt = this.t;
      const name = this.dottedName();
      let asname: string | null = null;
      if (this.isKw('as')) {
        this.next();
        const a = this.expectName();
        this.forbidden(a.str, a);
        asname = a.str;
      } else if (name.indexOf('.') < 0) {
        this.forbidden(name, nt);
      }
      names.push({ _type: 'alias', name, asname });
    } while (this.isOp(','));
    return { _type: 'Import', names, lineno: t.lineno, col_offset: t.col };
  }

  private importFrom(): A.ImportFrom {
    const t = this.next();
    let level = 0;
    while (this.isOp('.')) { this.next(); level++; }
    let module: string | null = null;
    if (!this.isKw('import')) module = this.dottedName();
    else if (level === 0) this.syntaxError(this.t);
    this.expectKw('import');
    const names: A.alias[] = [];
    if (this.isOp('*')) {
      this.next();
      names.push({ _type: 'alias', name: '*', asname: null });
    } else {
      const paren = this.isOp('(');
      if (paren) this.next();
      for (;;) {
        const n = this.expectName();
        let asname: string | null = null;
        if (this.isKw('as')) {
          this.next();
          const a = this.expectName();
          this.forbidden(a.str, a);
          asname = a.str;
        } else {
          this.forbidden(n.str, n);
        }
        names.push({ _type: 'alias', name: n.str, asname });
        if (!this.isOp(',')) break;
        const comma = this.next();
        if (this.tt() !== T.NAME || this.isKeyword(this.t)) {
          if (!paren) {
            if (this.tt() === T.NEWLINE || this.isOp(';')) this.astError(t, 'trailing comma not allowed without surrounding parentheses');
            this.syntaxError(this.t);
          }
          void comma;
          break;
        }
      }
      if (paren) this.expectOp(')');
    }
    if (futureHackApplies(level, module)) {
      for (const a of names) if (a.name === 'print_function') this.printFunction = true;
    }
    return { _type: 'ImportFrom', module, names, level, lineno: t.lineno, col_offset: t.col };
  }

  private suite(): A.stmt[] {
    this.push(1, this.t);
    const body: A.stmt[] = [];
    if (this.tt() === T.NEWLINE) {
      const ind = this.next() && this.t;
      if (ind.type !== T.INDENT) {
        if (ind.type === T.ERROR || (ind.implied && ind.lineno === 1)) this.syntaxError(ind);
        throw new ParseFailure({ kind: 'IndentationError', message: 'expected an indented block', lineno: ind.lineno, col: Math.max(ind.col, 0) });
      }
      this.next();
      do this.stmt(body); while (this.tt() !== T.DEDENT && this.tt() !== T.ENDMARKER && this.tt() !== T.ERROR);
      if (this.tt() !== T.DEDENT) this.syntaxError(this.t);
      this.next();
    } else {
      this.simpleStmt(body);
    }
    this.depth -= 1;
    return body;
  }

  private ifStmt(): A.If {
    const t = this.next();
    this.push(1, t);
    const test = this.test();
    this.expectOp(':');
    const body = this.suite();
    // elif chains become nested Ifs positioned at each elif's test.
    const elifs: Array<{ at: Token; test: A.expr; body: A.stmt[] }> = [];
    while (this.isKw('elif')) {
      this.next();
      const at = this.t;
      const et = this.test();
      this.expectOp(':');
      elifs.push({ at, test: et, body: this.suite() });
    }
    let orelse: A.stmt[] = [];
    if (this.isKw('else')) {
      this.next();
      this.expectOp(':');
      orelse = this.suite();
    }
    for (let k = elifs.length - 1; k >= 0; k--) {
      const e = elifs[k]!;
      orelse = [{ _type: 'If', test: e.test, body: e.body, orelse, lineno: e.at.lineno, col_offset: e.at.col }];
    }
    this.depth -= 1;
    return { _type: 'If', test, body, orelse, lineno: t.lineno, col_offset: t.col };
  }

  private whileStmt(): A.While {
    const t = this.next();
    this.push(1, t);
    const test = this.test();
    this.expectOp(':');
    const body = this.suite();
    let orelse: A.stmt[] = [];
    if (this.isKw('else')) { this.next(); this.expectOp(':'); orelse = this.suite(); }
    this.depth -= 1;
    return { _type: 'While', test, body, orelse, lineno: t.lineno, col_offset: t.col };
  }

  private forStmt(): A.For {
    const t = this.next();
    this.push(1, t);
    const target = this.targetList();
    this.expectKw('in');
    const iter = this.testlist();
    this.expectOp(':');
    const body = this.suite();
    let orelse: A.stmt[] = [];
    if (this.isKw('else')) { this.next(); this.expectOp(':'); orelse = this.suite(); }
    this.depth -= 1;
    return { _type: 'For', target, iter, body, orelse, lineno: t.lineno, col_offset: t.col };
  }

  /** An exprlist used as a for/comprehension target: a tuple sits at its first element. */
  private targetList(): A.expr {
    const { elts, comma } = this.exprlist();
    if (!comma) return this.setContext(elts[0]!, STORE);
    const first = elts[0]!;
    const tuple: A.Tuple = { _type: 'Tuple', elts, ctx: LOAD, lineno: first.lineno, col_offset: first.col_offset };
    return this.setContext(tuple, STORE);
  }

  private tryStmt(): A.stmt {
    const t = this.next();
    this.push(1, t);
    this.expectOp(':');
    const body = this.suite();
    const handlers: A.ExceptHandler[] = [];
    while (this.isKw('except')) {
      const et = this.next();
      let type: A.expr | null = null;
      let name: A.expr | null = null;
      if (this.startsTest()) {
        type = this.test();
        if (this.isKw('as') || this.isOp(',')) {
          this.next();
          const nt = this.t;
          name = this.setContext(this.test(), STORE, nt);
        }
      }
      this.expectOp(':');
      handlers.push({ _type: 'ExceptHandler', type, name, body: this.suite(), lineno: et.lineno, col_offset: et.col });
    }
    let orelse: A.stmt[] = [];
    if (handlers.length && this.isKw('else')) { this.next(); this.expectOp(':'); orelse = this.suite(); }
    let finalbody: A.stmt[] | null = null;
    if (this.isKw('finally')) { this.next(); this.expectOp(':'); finalbody = this.suite(); }
    if (!handlers.length && !finalbody) this.syntaxError(this.t);
    this.depth -= 1;
    if (!handlers.length) return { _type: 'TryFinally', body, finalbody: finalbody!, lineno: t.lineno, col_offset: t.col };
    const te: A.TryExcept = { _type: 'TryExcept', body, handlers, orelse, lineno: t.lineno, col_offset: t.col };
    if (!finalbody) return te;
    return { _type: 'TryFinally', body: [te], finalbody, lineno: t.lineno, col_offset: t.col };
  }

  private withStmt(): A.With {
    this.next();
    const items: Array<{ at: Token; ctx: A.expr; vars: A.expr | null }> = [];
    do {
      if (items.length) this.next();
      const at = this.t;
      const ctx = this.test();
      let vars: A.expr | null = null;
      if (this.isKw('as')) {
        this.next();
        const vt = this.t;
        vars = this.setContext(this.expr(), STORE, vt);
      }
      items.push({ at, ctx, vars });
    } while (this.isOp(','));
    this.expectOp(':');
    let body = this.suite();
    let w: A.With | undefined;
    for (let k = items.length - 1; k >= 0; k--) {
      const it = items[k]!;
      w = { _type: 'With', context_expr: it.ctx, optional_vars: it.vars, body, lineno: it.at.lineno, col_offset: it.at.col };
      body = [w];
    }
    return w!;
  }

  private decorated(): A.stmt {
    const at = this.t;
    const decorators: A.expr[] = [];
    while (this.isOp('@')) {
      this.next();
      const nt = this.t;
      let e: A.expr = { _type: 'Name', id: this.expectName().str, ctx: LOAD, lineno: nt.lineno, col_offset: nt.col };
      while (this.isOp('.')) {
        this.next();
        e = { _type: 'Attribute', value: e, attr: this.expectName().str, ctx: LOAD, lineno: nt.lineno, col_offset: nt.col };
      }
      if (this.isOp('(')) {
        this.next();
        e = this.arglist(e, ')');
      }
      decorators.push(e);
      if (this.tt() !== T.NEWLINE) this.syntaxError(this.t);
      this.next();
    }
    if (this.isKw('def')) return this.funcdef(at, decorators);
    if (this.isKw('class')) return this.classdef(at, decorators);
    return this.syntaxError(this.t);
  }

  private funcdef(at: Token, decorator_list: A.expr[]): A.FunctionDef {
    this.next();
    const nt = this.expectName();
    this.forbidden(nt.str, nt);
    this.expectOp('(');
    const args = this.varargslist(')');
    this.expectOp(')');
    this.expectOp(':');
    const body = this.suite();
    return { _type: 'FunctionDef', name: nt.str, args, body, decorator_list, lineno: at.lineno, col_offset: at.col };
  }

  private classdef(at: Token, decorator_list: A.expr[]): A.ClassDef {
    this.next();
    const nt = this.expectName();
    this.forbidden(nt.str, nt);
    const bases: A.expr[] = [];
    if (this.isOp('(')) {
      this.next();
      while (!this.isOp(')')) {
        bases.push(this.test());
        if (!this.isOp(',')) break;
        this.next();
      }
      this.expectOp(')');
    }
    this.expectOp(':');
    const body = this.suite();
    return { _type: 'ClassDef', name: nt.str, bases, body, decorator_list, lineno: at.lineno, col_offset: at.col };
  }

  /** varargslist (def parameters or lambda), up to the closing token. */
  private varargslist(close: string): A.arguments {
    const args: A.expr[] = [];
    const defaults: A.expr[] = [];
    let vararg: string | null = null;
    let kwarg: string | null = null;
    while (!this.isOp(close)) {
      if (this.isOp('*')) {
        this.next();
        const v = this.expectName();
        this.forbidden(v.str, v);
        vararg = v.str;
        if (this.isOp(',')) {
          this.next();
          if (!this.isOp('**')) this.syntaxError(this.t);
        } else break;
      }
      if (this.isOp('**')) {
        this.next();
        const k = this.expectName();
        this.forbidden(k.str, k);
        kwarg = k.str;
        break;
      }
      const pt = this.t;
      const arg = this.fpdef(true);
      args.push(arg);
      if (this.isOp('=')) {
        this.next();
        defaults.push(this.test());
      } else if (defaults.length) {
        this.astError(pt, 'non-default argument follows default argument');
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    return { _type: 'arguments', args, vararg, kwarg, defaults };
  }

  /** fpdef: NAME | '(' fplist ')'. Top-level names are Param; tuple parameters are Store. */
  private fpdef(top: boolean): A.expr {
    if (this.isOp('(')) {
      this.next();
      const start = this.t;
      const elts: A.expr[] = [this.fpdef(false)];
      let comma = false;
      while (this.isOp(',')) {
        this.next();
        comma = true;
        if (this.isOp(')')) break;
        elts.push(this.fpdef(false));
      }
      this.expectOp(')');
      if (!comma) {
        // `(x)` is just x; at the top level a parenthesised name is still a Param.
        const e = elts[0]!;
        if (top && e._type === 'Name') return { ...e, ctx: PARAM };
        return e;
      }
      return { _type: 'Tuple', elts, ctx: STORE, lineno: start.lineno, col_offset: start.col };
    }
    const nt = this.expectName();
    this.forbidden(nt.str, nt);
    return { _type: 'Name', id: nt.str, ctx: top ? PARAM : STORE, lineno: nt.lineno, col_offset: nt.col };
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** FIRST(test): can the current token start an expression? */
  private startsTest(): boolean {
    const t = this.t;
    switch (t.type) {
      case T.NAME: return !this.isKeyword(t) || t.str === 'not' || t.str === 'lambda';
      case T.NUMBER: case T.STRING: return true;
      case T.OP: return t.str === '(' || t.str === '[' || t.str === '{' || t.str === '`' || t.str === '-' || t.str === '+' || t.str === '~';
      default: return false;
    }
  }

  private testlist(): A.expr {
    const t = this.t;
    this.push(1, t);
    const first = this.test();
    if (!this.isOp(',')) { this.depth -= 1; return first; }
    const elts = [first];
    while (this.isOp(',')) {
      this.next();
      if (!this.startsTest()) break;
      elts.push(this.test());
    }
    this.depth -= 1;
    return { _type: 'Tuple', elts, ctx: LOAD, lineno: t.lineno, col_offset: t.col };
  }

  /** exprlist: expr (',' expr)* [','] — returns the elements and whether a comma was seen. */
  private exprlist(): { elts: A.expr[]; comma: boolean } {
    this.push(1, this.t);
    const elts = [this.expr()];
    let comma = false;
    while (this.isOp(',')) {
      this.next();
      comma = true;
      if (!this.startsExpr()) break;
      elts.push(this.expr());
    }
    this.depth -= 1;
    return { elts, comma };
  }

  private startsExpr(): boolean {
    return this.startsTest() && !this.isKw('not') && !this.isKw('lambda');
  }

  private yieldExpr(): A.Yield {
    const t = this.next();
    this.push(1, t);
    const value = this.startsTest() ? this.testlist() : null;
    this.depth -= 1;
    return { _type: 'Yield', value, lineno: t.lineno, col_offset: t.col };
  }

  test(): A.expr {
    const t = this.t;
    if (this.isKw('lambda')) return this.lambdef(true);
    this.push(1, t);
    const body = this.orTest();
    if (this.isKw('if')) {
      this.next();
      const test = this.orTest();
      this.expectKw('else');
      const orelse = this.test();
      this.depth -= 1;
      return { _type: 'IfExp', test, body, orelse, lineno: t.lineno, col_offset: t.col };
    }
    this.depth -= 1;
    return body;
  }

  /** old_test: or_test | old_lambdef (no conditional expression). */
  private oldTest(): A.expr {
    if (this.isKw('lambda')) return this.lambdef(false);
    this.push(1, this.t);
    const e = this.orTest();
    this.depth -= 1;
    return e;
  }

  private lambdef(full: boolean): A.Lambda {
    const t = this.next();
    this.push(2, t);
    const args = this.varargslist(':');
    this.expectOp(':');
    const body = full ? this.test() : this.oldTest();
    this.depth -= 2;
    return { _type: 'Lambda', args, body, lineno: t.lineno, col_offset: t.col };
  }

  private orTest(): A.expr {
    return this.boolOp('or', OR, () => this.andTest());
  }

  private andTest(): A.expr {
    return this.boolOp('and', AND, () => this.notTest());
  }

  /** `a or b or c` / `a and b`: one BoolOp holding every operand, positioned at the first. */
  private boolOp(kw: string, op: typeof OR | typeof AND, operand: () => A.expr): A.expr {
    const t = this.t;
    this.push(1, t);
    const first = operand();
    let r = first;
    if (this.isKw(kw)) {
      const values = [first];
      while (this.isKw(kw)) { this.next(); values.push(operand()); }
      r = { _type: 'BoolOp', op, values, lineno: t.lineno, col_offset: t.col };
    }
    this.depth -= 1;
    return r;
  }

  private notTest(): A.expr {
    const t = this.t;
    this.push(1, t);
    let r: A.expr;
    if (this.isKw('not')) {
      this.next();
      r = { _type: 'UnaryOp', op: NOT, operand: this.notTest(), lineno: t.lineno, col_offset: t.col };
    } else {
      r = this.comparison();
    }
    this.depth -= 1;
    return r;
  }

  private comparison(): A.expr {
    const t = this.t;
    this.push(1, t);
    const left = this.expr();
    let ops: A.cmpop[] | undefined;
    let comparators: A.expr[] | undefined;
    for (;;) {
      let o: A.cmpop | undefined;
      const c = this.t;
      if (c.type === T.OP) o = CMPOPS[c.str];
      else if (c.type === T.NAME) {
        if (c.str === 'in') o = CMPOPS.in;
        else if (c.str === 'is') {
          if (this.peek().type === T.NAME && this.peek().str === 'not') { this.next(); o = IS_NOT; } else o = CMPOPS.is;
        } else if (c.str === 'not' && this.peek().type === T.NAME && this.peek().str === 'in') { this.next(); o = NOT_IN; }
      }
      if (!o) break;
      this.next();
      (ops ??= []).push(o);
      (comparators ??= []).push(this.expr());
    }
    this.depth -= 1;
    if (!ops) return left;
    return { _type: 'Compare', left, ops, comparators: comparators!, lineno: t.lineno, col_offset: t.col };
  }

  /** expr through term: left-associative binary operator levels. */
  expr(): A.expr {
    this.push(1, this.t);
    const e = this.binLevel(0);
    this.depth -= 1;
    return e;
  }

  private binLevel(level: number): A.expr {
    if (level === 6) return this.factor();
    const t = this.t;
    if (level > 0) this.push(1, t);
    let left = this.binLevel(level + 1);
    let first = true;
    for (;;) {
      const o = this.t;
      if (o.type !== T.OP || !LEVEL_OPS[level]!.has(o.str)) break;
      this.next();
      const right = this.binLevel(level + 1);
      // The first BinOp of a chain sits at the chain's start, later ones at their operator.
      const at = first ? t : o;
      left = { _type: 'BinOp', left, op: BINOPS[o.str]!, right, lineno: at.lineno, col_offset: at.col };
      first = false;
    }
    if (level > 0) this.depth -= 1;
    return left;
  }

  private factor(): A.expr {
    const t = this.t;
    this.push(1, t);
    let r: A.expr;
    if (t.type === T.OP && (t.str === '-' || t.str === '+' || t.str === '~')) {
      this.next();
      const nt = this.t;
      const after = this.peek();
      if (t.str === '-' && nt.type === T.NUMBER && !(after.type === T.OP && (after.str === '(' || after.str === '[' || after.str === '.' || after.str === '**'))) {
        // CPython folds '-' NUMBER into one negative literal.
        this.next();
        this.push(3, nt);
        this.depth -= 3;
        r = { _type: 'Num', n: this.number('-' + nt.str, nt), lineno: t.lineno, col_offset: t.col };
      } else {
        r = { _type: 'UnaryOp', op: UNARY[t.str]!, operand: this.factor(), lineno: t.lineno, col_offset: t.col };
      }
    } else {
      r = this.power();
    }
    this.depth -= 1;
    return r;
  }

  private power(): A.expr {
    const t = this.t;
    this.push(2, t); // power, atom
    let e = this.atom();
    this.depth -= 1;
    for (;;) {
      if (this.tt() !== T.OP) break;
      const s = this.t.str;
      if (s === '(') {
        this.next();
        this.push(1, this.t);
        const call = this.arglist(e, ')');
        this.depth -= 1;
        e = call;
      } else if (s === '[') {
        this.next();
        this.push(1, this.t);
        const slice = this.subscriptlist();
        this.expectOp(']');
        this.depth -= 1;
        e = { _type: 'Subscript', value: e, slice, ctx: LOAD, lineno: e.lineno, col_offset: e.col_offset };
      } else if (s === '.') {
        this.next();
        const name = this.expectName();
        e = { _type: 'Attribute', value: e, attr: name.str, ctx: LOAD, lineno: e.lineno, col_offset: e.col_offset };
      } else break;
    }
    if (this.isOp('**')) {
      this.next();
      const right = this.factor();
      e = { _type: 'BinOp', left: e, op: BINOPS['**']!, right, lineno: t.lineno, col_offset: t.col };
    }
    this.depth -= 1;
    return e;
  }

  private atom(): A.expr {
    const t = this.t;
    switch (t.type) {
      case T.NAME:
        if (this.isKeyword(t)) this.syntaxError(t);
        this.next();
        return { _type: 'Name', id: t.str, ctx: LOAD, lineno: t.lineno, col_offset: t.col };
      case T.NUMBER:
        this.next();
        return { _type: 'Num', n: this.number(t.str, t), lineno: t.lineno, col_offset: t.col };
      case T.STRING: {
        const parts: A.PyStrValue[] = [];
        try {
          while (this.tt() === T.STRING) parts.push(decodeStringToken(this.next().str, this.strings));
          return { _type: 'Str', s: concatStrings(parts), lineno: t.lineno, col_offset: t.col };
        } catch (e) {
          if (e instanceof LiteralError) this.astError(t, e.message, e.kind);
          throw e;
        }
      }
      case T.OP:
        switch (t.str) {
          case '(': return this.parenAtom();
          case '[': return this.listAtom();
          case '{': return this.braceAtom();
          case '`': {
            this.next();
            this.push(1, this.t);
            const st = this.t;
            const first = this.test();
            let value = first;
            if (this.isOp(',')) {
              const elts = [first];
              while (this.isOp(',')) { this.next(); elts.push(this.test()); }
              value = { _type: 'Tuple', elts, ctx: LOAD, lineno: st.lineno, col_offset: st.col };
            }
            this.expectOp('`');
            this.depth -= 1;
            return { _type: 'Repr', value, lineno: t.lineno, col_offset: t.col };
          }
        }
    }
    return this.syntaxError(t);
  }

  private number(text: string, t: Token): A.PyNumValue {
    try {
      return parseNumber(text);
    } catch {
      return this.astError(t, 'invalid number literal');
    }
  }

  private parenAtom(): A.expr {
    const open = this.next();
    if (this.isOp(')')) {
      this.next();
      return { _type: 'Tuple', elts: [], ctx: LOAD, lineno: open.lineno, col_offset: open.col };
    }
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectOp(')');
      return y;
    }
    const st = this.t;
    this.push(1, st); // testlist_comp
    const first = this.test();
    let r: A.expr = first;
    if (this.isKw('for')) {
      r = { _type: 'GeneratorExp', elt: first, generators: this.compFor(), lineno: st.lineno, col_offset: st.col };
    } else if (this.isOp(',')) {
      const elts = [first];
      while (this.isOp(',')) {
        this.next();
        if (!this.startsTest()) break;
        elts.push(this.test());
      }
      r = { _type: 'Tuple', elts, ctx: LOAD, lineno: st.lineno, col_offset: st.col };
    }
    this.depth -= 1;
    this.expectOp(')');
    return r;
  }

  private listAtom(): A.expr {
    const open = this.next();
    if (this.isOp(']')) {
      this.next();
      return { _type: 'List', elts: [], ctx: LOAD, lineno: open.lineno, col_offset: open.col };
    }
    const st = this.t;
    this.push(1, st); // listmaker
    const first = this.test();
    let r: A.expr;
    if (this.isKw('for')) {
      r = { _type: 'ListComp', elt: first, generators: this.listFor(), lineno: st.lineno, col_offset: st.col };
    } else {
      const elts = [first];
      while (this.isOp(',')) {
        this.next();
        if (!this.startsTest()) break;
        elts.push(this.test());
      }
      r = { _type: 'List', elts, ctx: LOAD, lineno: open.lineno, col_offset: open.col };
    }
    this.depth -= 1;
    this.expectOp(']');
    return r;
  }

  private braceAtom(): A.expr {
    const open = this.next();
    if (this.isOp('}')) {
      this.next();
      return { _type: 'Dict', keys: [], values: [], lineno: open.lineno, col_offset: open.col };
    }
    const st = this.t;
    this.push(1, st); // dictorsetmaker
    const first = this.test();
    let r: A.expr;
    if (this.isOp(':')) {
      this.next();
      const v = this.test();
      if (this.isKw('for')) {
        r = { _type: 'DictComp', key: first, value: v, generators: this.compFor(), lineno: st.lineno, col_offset: st.col };
      } else {
        const keys = [first];
        const values = [v];
        while (this.isOp(',')) {
          this.next();
          if (!this.startsTest()) break;
          keys.push(this.test());
          this.expectOp(':');
          values.push(this.test());
        }
        r = { _type: 'Dict', keys, values, lineno: open.lineno, col_offset: open.col };
      }
    } else if (this.isKw('for')) {
      r = { _type: 'SetComp', elt: first, generators: this.compFor(), lineno: st.lineno, col_offset: st.col };
    } else {
      const elts = [first];
      while (this.isOp(',')) {
        this.next();
        if (!this.startsTest()) break;
        elts.push(this.test());
      }
      r = { _type: 'Set', elts, lineno: open.lineno, col_offset: open.col };
    }
    this.depth -= 1;
    this.expectOp('}');
    return r;
  }

  /** comp_for: 'for' exprlist 'in' or_test [comp_iter] (generators, set/dict comprehensions). */
  private compFor(): A.comprehension[] {
    const gens: A.comprehension[] = [];
    let pushed = 0;
    while (this.isKw('for')) {
      const ft = this.next();
      this.push(2, ft);
      pushed += 2;
      const target = this.targetList();
      this.expectKw('in');
      const iter = this.orTest();
      const ifs: A.expr[] = [];
      while (this.isKw('if')) {
        const it = this.next();
        this.push(2, it);
        pushed += 2;
        ifs.push(this.oldTest());
      }
      gens.push({ _type: 'comprehension', target, iter, ifs });
    }
    this.depth -= pushed;
    return gens;
  }

  /** list_for: 'for' exprlist 'in' testlist_safe [list_iter]. */
  private listFor(): A.comprehension[] {
    const gens: A.comprehension[] = [];
    let pushed = 0;
    while (this.isKw('for')) {
      const ft = this.next();
      this.push(2, ft);
      pushed += 2;
      const target = this.targetList();
      this.expectKw('in');
      // testlist_safe: old_test [(',' old_test)+ [',']]
      const st = this.t;
      const first = this.oldTest();
      let iter = first;
      if (this.isOp(',')) {
        const elts = [first];
        this.next();
        elts.push(this.oldTest());
        while (this.isOp(',')) {
          this.next();
          if (!this.startsTest()) break;
          elts.push(this.oldTest());
        }
        iter = { _type: 'Tuple', elts, ctx: LOAD, lineno: st.lineno, col_offset: st.col };
      }
      const ifs: A.expr[] = [];
      while (this.isKw('if')) {
        const it = this.next();
        this.push(2, it);
        pushed += 2;
        ifs.push(this.oldTest());
      }
      gens.push({ _type: 'comprehension', target, iter, ifs });
    }
    this.depth -= pushed;
    return gens;
  }

  /** The argument list of a call whose '(' is consumed, through the closing token. */
  private arglist(func: A.expr, close: string): A.Call {
    const args: A.expr[] = [];
    const keywords: A.keyword[] = [];
    let starargs: A.expr | null = null;
    let kwargs: A.expr | null = null;
    let ngens = 0;
    let sawStar = false;
    while (!this.isOp(close)) {
      const at = this.t;
      if (this.isOp('*')) {
        if (sawStar || kwargs) this.syntaxError(at);
        this.next();
        starargs = this.test();
        sawStar = true;
      } else if (this.isOp('**')) {
        this.next();
        kwargs = this.test();
        if (!this.isOp(close)) this.syntaxError(this.t);
        break;
      } else {
        if (kwargs) this.syntaxError(at);
        this.push(2, at); // arglist, argument
        const e = this.test();
        this.depth -= 2;
        if (this.isOp('=')) {
          this.next();
          if (e._type === 'Lambda') this.astError(at, 'lambda cannot contain assignment');
          if (e._type !== 'Name') this.astError(at, "keyword can't be an expression");
          this.forbidden(e.id, at);
          for (const k of keywords) if (k.arg === e.id) this.astError(at, 'keyword argument repeated');
          keywords.push({ _type: 'keyword', arg: e.id, value: this.test() });
        } else if (this.isKw('for')) {
          ngens++;
          args.push({ _type: 'GeneratorExp', elt: e, generators: this.compFor(), lineno: at.lineno, col_offset: at.col });
        } else {
          if (sawStar) this.astError(at, 'only named arguments may follow *expression');
          if (keywords.length) this.astError(at, 'non-keyword arg after keyword arg');
          args.push(e);
        }
      }
      if (!this.isOp(',')) break;
      this.next();
      if (sawStar && this.isOp(close)) this.syntaxError(this.t);
    }
    if (ngens > 1 || (ngens && args.length + keywords.length > 1)) {
      this.astError(func, 'Generator expression must be parenthesized if not sole argument');
    }
    if (args.length + keywords.length > 255) this.astError(func, 'more than 255 arguments');
    this.expectOp(close);
    return { _type: 'Call', func, args, keywords, starargs, kwargs, lineno: func.lineno, col_offset: func.col_offset };
  }

  private subscriptlist(): A.slice {
    const st = this.t;
    const slices: A.slice[] = [this.subscript()];
    let comma = false;
    while (this.isOp(',')) {
      this.next();
      comma = true;
      if (this.isOp(']')) break;
      slices.push(this.subscript());
    }
    if (!comma) return slices[0]!;
    if (slices.some((s) => s._type !== 'Index')) return { _type: 'ExtSlice', dims: slices };
    const elts = slices.map((s) => (s as A.Index).value);
    return { _type: 'Index', value: { _type: 'Tuple', elts, ctx: LOAD, lineno: st.lineno, col_offset: st.col } };
  }

  private subscript(): A.slice {
    this.push(2, this.t); // subscriptlist, subscript
    const s = this.subscriptInner();
    this.depth -= 2;
    return s;
  }

  private subscriptInner(): A.slice {
    if (this.isOp('.')) {
      this.next();
      this.expectOp('.');
      this.expectOp('.');
      return { _type: 'Ellipsis' };
    }
    let lower: A.expr | null = null;
    if (!this.isOp(':')) {
      lower = this.test();
      if (!this.isOp(':')) return { _type: 'Index', value: lower };
    }
    this.next();
    let upper: A.expr | null = null;
    let step: A.expr | null = null;
    if (this.startsTest()) upper = this.test();
    if (this.isOp(':')) {
      const colon = this.next();
      if (this.startsTest()) step = this.test();
      else step = { _type: 'Name', id: 'None', ctx: LOAD, lineno: colon.lineno, col_offset: colon.col };
    }
    return { _type: 'Slice', lower, upper, step };
  }

  // -------------------------------------------------------------------------------------------
  // Contexts and checks

  private forbidden(name: string, at: Token | { lineno: number; col_offset: number }): void {
    if (name === 'None') this.astError(at, 'cannot assign to None');
    if (name === '__debug__') this.astError(at, 'cannot assign to __debug__');
  }

  /** ast.c's set_context: Store/Del for assignment and deletion targets, with its errors. */
  private setContext(e: A.expr, ctx: A.expr_context, at?: Token): A.expr {
    let what: string | undefined;
    switch (e._type) {
      case 'Attribute':
        if (ctx === STORE) this.forbidden(e.attr, at ?? e);
        e.ctx = ctx;
        return e;
      case 'Subscript':
        e.ctx = ctx;
        return e;
      case 'Name':
        if (ctx === STORE) this.forbidden(e.id, at ?? e);
        e.ctx = ctx;
        return e;
      case 'List':
        e.ctx = ctx;
        for (const x of e.elts) this.setContext(x, ctx, at);
        return e;
      case 'Tuple':
        if (e.elts.length === 0) this.astError(at ?? e, "can't assign to ()");
        e.ctx = ctx;
        for (const x of e.elts) this.setContext(x, ctx, at);
        return e;
      case 'Lambda': what = 'lambda'; break;
      case 'Call': what = 'function call'; break;
      case 'BoolOp': case 'BinOp': case 'UnaryOp': what = 'operator'; break;
      case 'GeneratorExp': what = 'generator expression'; break;
      case 'Yield': what = 'yield expression'; break;
      case 'ListComp': what = 'list comprehension'; break;
      case 'SetComp': what = 'set comprehension'; break;
      case 'DictComp': what = 'dict comprehension'; break;
      case 'Dict': case 'Set': case 'Num': case 'Str': what = 'literal'; break;
      case 'Compare': what = 'comparison'; break;
      case 'Repr': what = 'repr'; break;
      case 'IfExp': what = 'conditional expression'; break;
    }
    return this.astError(at ?? e, `can't ${ctx === DEL ? 'delete' : 'assign to'} ${what ?? e._type}`);
  }
}

const LEVEL_OPS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['|']), new Set(['^']), new Set(['&']), new Set(['<<', '>>']), new Set(['+', '-']),
  new Set(['*', '/', '%', '//']),
];

/**
 * Which `from … import` statements set future flags. CPython's parser (future_hack) only
 * rejects a single-name module other than __future__, and reads the names from the statement's
 * fourth child; so `from os.path import print_function` and `from . import print_function` set
 * the flag too, while `from .. import` and `from .a import` do not (measured on python2.7).
 */
function futureHackApplies(level: number, module: string | null): boolean {
  if (level === 0) return module === '__future__' || (module !== null && module.indexOf('.') >= 0);
  return level === 1 && module === null;
}

/**
 * CPython applies unicode_literals to the whole file once any such import names it (the flag
 * is read after parsing), so we look for it before decoding any string.
 */
export function hasFutureUnicodeLiterals(toks: Token[]): boolean {
  for (let k = 0; k + 3 < toks.length; k++) {
    const t = toks[k]!;
    if (t.type !== T.NAME || t.str !== 'from') continue;
    let j = k + 1;
    let level = 0;
    while (toks[j]?.type === T.OP && toks[j]!.str === '.') { level++; j++; }
    let module: string | null = null;
    while (toks[j]?.type === T.NAME && toks[j]!.str !== 'import') {
      module = (module === null ? '' : module + '.') + toks[j]!.str;
      j++;
      if (toks[j]?.type === T.OP && toks[j]!.str === '.') j++;
    }
    if (toks[j]?.str !== 'import' || !futureHackApplies(level, module)) continue;
    for (j++; j < toks.length; j++) {
      const u = toks[j]!;
      if (u.type === T.NEWLINE || u.str === ';' || u.type === T.ENDMARKER) break;
      const prev = toks[j - 1]!.str;
      if (u.type === T.NAME && u.str === 'unicode_literals' && (prev === 'import' || prev === '(' || prev === ',')) return true;
    }
  }
  return false;
}
