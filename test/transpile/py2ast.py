# Dev aid: dumps CPython 2.7's ast for a file as JSON in src/ast/nodes.ts's representation.
# Used to cross-check our parser's output in tests; the transpiler itself never needs python2.7.
import ast
import json
import sys


def conv(node):
    if isinstance(node, list):
        return [conv(x) for x in node]
    if isinstance(node, ast.AST):
        out = {"_type": type(node).__name__}
        for f in node._fields:
            v = getattr(node, f, None)
            if isinstance(node, ast.Num) and f == "n":
                out[f] = num(v)
            elif isinstance(node, ast.Str) and f == "s":
                out[f] = v.decode("latin-1") if isinstance(v, str) else {"kind": "unicode", "value": v}
            else:
                out[f] = conv(v)
        for a in node._attributes:
            out[a] = getattr(node, a, 0)
        return out
    if isinstance(node, str):
        return node
    return node


def num(n):
    if isinstance(n, bool) or isinstance(n, int):
        return {"kind": "int", "value": str(n)}
    if isinstance(n, long):
        return {"kind": "long", "value": str(n)}
    if isinstance(n, float):
        return {"kind": "float", "value": repr(n)}
    return {"kind": "complex", "real": repr(n.real), "imag": repr(n.imag)}

src = open(sys.argv[1], "rb").read()
json.dump(conv(ast.parse(src, sys.argv[1])), sys.stdout)
