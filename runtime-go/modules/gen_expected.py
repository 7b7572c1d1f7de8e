# Regenerates modules/<name>/testdata/expected.txt from cases.txt with
# CPython 2.7, the oracle:  python2.7 modules/gen_expected.py modules/*/testdata
#
# cases.txt: one case per line; statements separated by " ;; ", the last one
# an expression whose repr is recorded (or "!ExcType: message"). Header
# lines "# module: NAME" and "# imports: A B" name the module under test
# (its members are visible unqualified) and other modules visible by name.
# Addresses (0x...) are blanked on both sides.
import os
import re
import sys


def header(lines, key):
    for line in lines:
        if line.startswith('# ' + key + ':'):
            return line.split(':', 1)[1].split()
    return []


def run_case(line, module, imports):
    ns = {}
    for m in [module] + imports:
        exec 'import %s' % m in ns
    exec 'from %s import *' % module in ns
    parts = line.split(' ;; ')
    try:
        for st in parts[:-1]:
            exec st in ns
        r = repr(eval(parts[-1], ns))
    except Exception as e:
        r = '!%s: %s' % (type(e).__name__, e)
    r = re.sub(r'0x[0-9a-fA-F]+', '0x?', r)
    return r.replace('\n', '\\n')


def main(dirs):
    for d in dirs:
        src = os.path.join(d, 'cases.txt')
        if not os.path.exists(src):
            continue
        lines = open(src).read().splitlines()
        module = header(lines, 'module')[0]
        imports = header(lines, 'imports')
        out = []
        for line in lines:
            if not line.strip() or line.startswith('#'):
                continue
            out.append(line + '\t' + run_case(line, module, imports))
        with open(os.path.join(d, 'expected.txt'), 'w') as fp:
            fp.write('\n'.join(out) + '\n')
        print '%s: %d cases' % (d, len(out))


if __name__ == '__main__':
    main(sys.argv[1:])
