// Dynamic features the transpiler refuses: exec, eval, compile and execfile run code that only
// exists at run time. Each use is a compile-time error carrying the analyzer's rule id, except the
// string literals static-code.ts compiles before this check runs.
//
// The one exception: modules of the CPython 2.7 Lib search path (SourceModule.stdlib). Many stdlib
// modules hold such code on paths a program may never run (pdb, gettext, collections.namedtuple),
// so there the uses are not errors: a call of eval/compile/execfile stays a call of the runtime's
// builtin, which raises NotImplementedError naming the rule when called, and an exec statement
// compiles to raising that same error (`execRaise`). User code keeps the compile-time errors.

import type * as A from '../ast/nodes.js';
import type { ModuleCtx } from './context.js';

// A Map, not an object literal: a call of a function named `constructor` must not find
// Object.prototype's.
const BLOCKED_CALLS = new Map<string, string>([
  ['eval', 'dynamic-eval'],
  ['compile', 'dynamic-compile'],
  ['execfile', 'dynamic-execfile'],
]);

export function findBlocked(mod: ModuleCtx, root: A.Module, stdlib = false): void {
  if (stdlib) return;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as { _type?: string } & Record<string, unknown>;
    if (n._type === 'Exec') {
      const st = n as unknown as A.Exec;
      mod.error(st, 'dynamic-exec', 'the exec statement runs code only known at run time; it cannot be transpiled');
    } else if (n._type === 'Call') {
      const c = n as unknown as A.Call;
      const id = c.func._type === 'Name' ? BLOCKED_CALLS.get(c.func.id) : undefined;
      if (id && c.func._type === 'Name' && !isShadowed(mod, c.func.id)) {
        mod.error(c, id, `${c.func.id}() runs code only known at run time; it cannot be transpiled`);
      }
    }
    for (const [k, v] of Object.entries(n)) {
      if (k !== '_type' && v && typeof v === 'object') visit(v);
    }
  };
  visit(root.body);
}

/** A module-level def or assignment of the same name means it is not the builtin. */
function isShadowed(mod: ModuleCtx, name: string): boolean {
  return mod.table.module.bound.has(name);
}

/** Go for an exec statement in a stdlib module: the error the runtime's exec/eval builtins raise. */
export function execRaise(): string {
  return 'py.NewNotImplemented("exec", "dynamic-exec")';
}
