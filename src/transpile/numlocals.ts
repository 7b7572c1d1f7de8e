// Unboxed locals: which fast locals of a function body are Go variables of type py.Num instead of
// py.Object (runtime-go/py/numlocal.go). A local qualifies when the function assigns it from
// arithmetic (`x = a + b`, `x op= v`, `for x in range(…)` / `xrange(…)`), so its value is usually
// a plain int or float that the arithmetic, comparisons and list indexing then use without boxing.
// Any other store still works (py.NumOf keeps the object), and a use as an object boxes it once
// (py.Num.Box keeps the box until the next store), so a qualifying local behaves exactly like an
// ordinary one. Left out: parameters (they arrive boxed), cells, deleted names, generator bodies,
// and every local of a function that calls locals() or vars().

import type * as A from '../ast/nodes.js';
import { numOp } from './rt.js';
import { access, type Scope } from './scope.js';

/** The scope-opening statements and expressions whose bodies belong to another scope. */
const OTHER_SCOPE = new Set(['FunctionDef', 'ClassDef', 'Lambda', 'GeneratorExp', 'SetComp', 'DictComp']);

export function chooseNumLocals(scope: Scope, body: A.stmt[], trueDivision: boolean): Set<string> {
  const out = new Set<string>();
  if (scope.kind !== 'function' || scope.isGenerator || scope.used.has('locals') || scope.used.has('vars')) return out;
  const arithmetic = (e: A.expr): boolean => e._type === 'BinOp' && numOp(e.op._type, trueDivision) !== null;
  const candidates = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as A.AstNode & Record<string, unknown>;
    if (typeof n._type === 'string') {
      // Stores inside them are another scope's (a store here through a default value or an
      // outermost iterable only means the local is not chosen).
      if (OTHER_SCOPE.has(n._type)) return;
      if (n._type === 'Assign') {
        const st = n as unknown as A.Assign;
        if (arithmetic(st.value)) for (const t of st.targets) if (t._type === 'Name') candidates.add(t.id);
      } else if (n._type === 'AugAssign') {
        const st = n as unknown as A.AugAssign;
        if (st.target._type === 'Name' && numOp(st.op._type, trueDivision) !== null) candidates.add(st.target.id);
      } else if (n._type === 'For' || n._type === 'comprehension') {
        const st = n as unknown as { target: A.expr; iter: A.expr };
        if (st.target._type === 'Name' && st.iter._type === 'Call' && st.iter.func._type === 'Name' &&
          (st.iter.func.id === 'range' || st.iter.func.id === 'xrange')) candidates.add(st.target.id);
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== '_type') visit(v);
  };
  visit(body);
  for (const id of candidates) {
    if (access(scope, id) === 'fast' && !scope.params.includes(id) && !scope.deleted.has(id)) out.add(id);
  }
  return out;
}
