// Emission state: the per-module context (constants, code objects, diagnostics) and the per-body
// context (one Go function being written: its scope, error exit, open loops and try closures).

import type { Diagnostic } from '../diagnostics.js';
import type * as A from '../ast/nodes.js';
import { Printer } from './printer.js';
import type { Scope, ScopeTable } from './scope.js';
import { goBytes, goUtf8 } from './goliteral.js';

export interface Futures {
  division: boolean;
  unicodeLiterals: boolean;
  printFunction: boolean;
  absoluteImport: boolean;
  /** Mandatory in 2.7, but still recorded in co_flags when imported. */
  withStatement?: boolean;
}

/** How an import in this module resolves: absolute module names, decided at transpile time. */
export interface ImportResolver {
  /** The absolute name for `import name` / `from name import …` at `level` (0 = absolute or implicit relative). */
  resolve(name: string | null, level: number): string | null;
  /** Is `mod` a module of the program or the runtime (so `from pkg import mod` imports it)? */
  isModule(mod: string): boolean;
}

/** co_argcount, co_varnames, co_freevars, co_cellvars (CPython sorts free and cell names), co_firstlineno, co_flags. */
export interface CodeInfo {
  argcount: number;
  varnames: string[];
  freevars: string[];
  cellvars: string[];
  firstLine: number;
  flags: number;
}

export class ModuleCtx {
  readonly consts: string[] = [];
  private readonly constIndex = new Map<string, string>();
  readonly codes: string[] = [];
  readonly diags: Diagnostic[] = [];
  private tmp = 0;

  constructor(
    readonly file: string,
    readonly modName: string,
    readonly table: ScopeTable,
    readonly futures: Futures,
    readonly lines: string[],
    readonly imports: ImportResolver,
    /** A CPython Lib module: blocked dynamic features raise at run time instead (blocked.ts). */
    readonly stdlib = false,
  ) {}

  fresh(prefix = 't'): string {
    return `${prefix}${++this.tmp}`;
  }

  /** A package-level constant for a literal, shared by every use in the module. */
  constant(key: string, init: string): string {
    const hit = this.constIndex.get(key);
    if (hit) return hit;
    const name = `k${this.constIndex.size + 1}`;
    this.constIndex.set(key, name);
    this.consts.push(`${name} = ${init}`);
    return name;
  }

  private sites = 0;

  /** A package-level py.AttrSite: the cache of one attribute load or store (attrsite.go). */
  site(): string {
    const name = `as${++this.sites}`;
    this.consts.push(`${name} py.AttrSite`);
    return name;
  }

  strConst(bytes: string): string {
    return this.constant(`s:${bytes}`, `py.NewStr(${goBytes(bytes)})`);
  }

  /** A code object for a def/lambda/class/comprehension: name and first line. */
  code(name: string, info?: CodeInfo): string {
    const v = `code${this.codes.length + 1}`;
    const strs = (xs: string[]): string => (xs.length ? `[]string{${xs.map(goUtf8).join(', ')}}` : 'nil');
    const set = info ? `.SetInfo(${info.argcount}, ${strs(info.varnames)}, ${strs(info.freevars)}, ${strs(info.cellvars)}, ${info.firstLine}, ${info.flags})` : '';
    this.codes.push(`${v} = py.NewCode(${goUtf8(name)}, modFile, modLines)${set}`);
    return v;
  }

  error(node: { lineno?: number; col_offset?: number }, id: string, message: string): void {
    this.report('error', node, id, message);
  }

  warning(node: { lineno?: number; col_offset?: number }, id: string, message: string): void {
    this.report('warning', node, id, message);
  }

  private report(severity: 'error' | 'warning', node: { lineno?: number; col_offset?: number }, id: string, message: string): void {
    this.diags.push({
      id, severity, file: this.file, line: node.lineno ?? 0, column: node.col_offset ?? 0, message,
    } as Diagnostic);
  }
}

/** Control codes a try-closure returns to its caller besides an exception. */
export const CTL_RETURN = 1;
export const CTL_BREAK = 2;
export const CTL_CONTINUE = 3;

export type BodyKind = 'module' | 'class' | 'function' | 'generator';

/** A Go label; emitted only when some goto uses it (Go rejects unused labels). */
export interface Label {
  name: string;
  used: boolean;
}

/** An open Python loop: the closure depth it was opened at; flat loops jump with goto. */
export interface LoopCtx {
  depth: number;
  /** A loop of a state-machine generator body: labels instead of Go's break and continue. */
  brk?: Label;
  cont?: Label;
}

/** A state-machine generator body being written (genstate.ts). */
export interface StepCtx {
  /** The Go expression holding the resume point (0 = the start, k = after the k-th yield). */
  state: string;
  /** Resume points emitted so far. */
  resumes: number;
  /** Declarations for the enclosing function: values that live across yields. */
  hoisted: string[];
}

export class Body {
  /** Depth of try-closures open inside this Go function (0 = the function itself). */
  closureDepth = 0;
  /** The open Python loops, innermost last. */
  readonly loops: LoopCtx[] = [];
  /** Set while writing a state-machine generator body. */
  step: StepCtx | null = null;
  /** Control codes used at each closure depth (index = depth). */
  readonly ctlUsed: Set<number>[] = [new Set()];

  constructor(
    readonly mod: ModuleCtx,
    readonly p: Printer,
    readonly scope: Scope,
    readonly kind: BodyKind,
    /** Class bodies: the Go variable of the namespace dict. */
    readonly ns: string | null = null,
  ) {}

  /** Fast locals held unboxed as py.Num Go variables (numlocals.ts). */
  numLocals: ReadonlySet<string> = new Set();
  /** A comprehension body: the Go variable of its outermost iterator, CPython's hidden argument `.0`. */
  dotZero: string | undefined;

  /** Locals that are always bound (parameters never deleted): their loads skip the unbound check. */
  readonly alwaysBound = new Set<string>();

  definitelyBound(id: string): boolean {
    return this.alwaysBound.has(id);
  }

  get inClosure(): boolean {
    return this.closureDepth > 0;
  }

  /** The Go statement that leaves the current Go function with an exception held in `err`. */
  raise(err = 'err'): string {
    if (this.inClosure) return `return 0, ${err}`;
    return this.singleResult ? `return ${err}` : `return nil, ${err}`;
  }

  /** Class bodies return only an error (py.RunClassBody). */
  get singleResult(): boolean {
    return this.kind === 'class';
  }

  check(err = 'err'): void {
    this.p.line(`if ${err} != nil {`);
    this.p.indent(() => this.p.line(this.raise(err)));
    this.p.line('}');
  }

  line(node: A.stmt): void {
    const src = this.mod.lines[node.lineno - 1] ?? '';
    const shown = src.trim().replace(/[\r\n]/g, ' ');
    this.p.line(`// ${this.mod.file}:${node.lineno}: ${shown.length > 70 ? shown.slice(0, 67) + '...' : shown}`);
    this.p.line(`f.Line = ${node.lineno}`);
  }
}
