// The runtime entry points generated code calls, in one table (runtime-go/CODEGEN.md is the
// contract). Every Python operation is a call; nothing here spells Python semantics in Go.

import type * as A from '../ast/nodes.js';

export const RT = 'py';

/** Binary operators → runtime functions `py.X(f, a, b)`. Div depends on `from __future__ import division`. */
export function binaryFn(op: A.OperatorName, trueDivision: boolean): string {
  switch (op) {
    case 'Add': return 'py.Add';
    case 'Sub': return 'py.Sub';
    case 'Mult': return 'py.Mul';
    case 'Div': return trueDivision ? 'py.TrueDiv' : 'py.Div';
    case 'FloorDiv': return 'py.FloorDiv';
    case 'Mod': return 'py.Mod';
    case 'Pow': return 'py.Pow';
    case 'LShift': return 'py.LShift';
    case 'RShift': return 'py.RShift';
    case 'BitAnd': return 'py.And';
    case 'BitOr': return 'py.Or';
    case 'BitXor': return 'py.Xor';
  }
}

/**
 * The runtime Op for operators the unboxed Num path computes (py.NumBinary); ** is left out (its
 * int results turn into floats for negative exponents).
 */
export function numOp(op: A.OperatorName, trueDivision: boolean): string | null {
  switch (op) {
    case 'Add': return 'OpAdd';
    case 'Sub': return 'OpSub';
    case 'Mult': return 'OpMul';
    case 'Div': return trueDivision ? 'OpTrueDiv' : 'OpDiv';
    case 'FloorDiv': return 'OpFloorDiv';
    case 'Mod': return 'OpMod';
    case 'LShift': return 'OpLShift';
    case 'RShift': return 'OpRShift';
    case 'BitAnd': return 'OpAnd';
    case 'BitOr': return 'OpOr';
    case 'BitXor': return 'OpXor';
    case 'Pow': return null;
  }
}

/** In-place operators (`x op= y`): `py.IAdd(f, a, b)` try __iop__ then fall back to the binary op. */
export function inplaceFn(op: A.OperatorName, trueDivision: boolean): string {
  const code: Record<A.OperatorName, string> = {
    Add: 'OpAdd', Sub: 'OpSub', Mult: 'OpMul', Div: trueDivision ? 'OpTrueDiv' : 'OpDiv', FloorDiv: 'OpFloorDiv',
    Mod: 'OpMod', Pow: 'OpPow', LShift: 'OpLShift', RShift: 'OpRShift', BitAnd: 'OpAnd', BitOr: 'OpOr', BitXor: 'OpXor',
  };
  // += has its own entry point with the int/str/list fast paths.
  if (op === 'Add') return 'py.IAdd(f, ';
  return `py.Inplace(f, py.${code[op]}, `;
}

export function unaryFn(op: A.UnaryOpName): string {
  switch (op) {
    case 'USub': return 'py.Neg';
    case 'UAdd': return 'py.Pos';
    case 'Invert': return 'py.Invert';
    case 'Not': return 'py.Not';
  }
}

/** Comparisons: rich ones go through py.Compare(f, op, a, b); identity and membership have their own. */
export function compareCall(op: A.CmpOpName, a: string, b: string): { call: string; fallible: boolean } {
  switch (op) {
    case 'Eq': return { call: `py.Compare(f, py.EQ, ${a}, ${b})`, fallible: true };
    case 'NotEq': return { call: `py.Compare(f, py.NE, ${a}, ${b})`, fallible: true };
    case 'Lt': return { call: `py.Compare(f, py.LT, ${a}, ${b})`, fallible: true };
    case 'LtE': return { call: `py.Compare(f, py.LE, ${a}, ${b})`, fallible: true };
    case 'Gt': return { call: `py.Compare(f, py.GT, ${a}, ${b})`, fallible: true };
    case 'GtE': return { call: `py.Compare(f, py.GE, ${a}, ${b})`, fallible: true };
    case 'Is': return { call: `py.NewBool(${a} == ${b})`, fallible: false };
    case 'IsNot': return { call: `py.NewBool(${a} != ${b})`, fallible: false };
    case 'In': return { call: `py.In(f, ${a}, ${b})`, fallible: true };
    case 'NotIn': return { call: `py.NotIn(f, ${a}, ${b})`, fallible: true };
  }
}
