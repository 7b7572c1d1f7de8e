# Writes values.txt: tab-separated cases with CPython 2.7's answers, read by
# values_test.go. Every field is a Python repr (parsed by the Go test's
# literal reader) except the leading kind. Exceptions are "!Type: message".
# Run: python2.7 gen_values.py   (deterministic: fixed random seed)
import random
import sys

random.seed(20261122)
out = open('values.txt', 'w')


def emit(*fields):
    out.write('\t'.join(fields) + '\n')


def attempt(fn):
    try:
        return repr(fn())
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)


ints = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256, 1000, 12345, -99999,
        2 ** 31, -2 ** 31, 2 ** 62, sys.maxint, -sys.maxint - 1, sys.maxint - 1]
longs = [0L, 1L, -1L, 2 ** 63, -2 ** 63 - 1, 2 ** 64, 3 ** 50, -(5 ** 40), 10L ** 20, 2L ** 100 - 1]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1 / 3.0, 2.0 / 3, 1e16, 1e15,
          123456789012.0, 1234567890123.0, 1e-4, 1e-5, 1.5e-7, 1e22, 1e100, 1.7976931348623157e308,
          5e-324, 3.14159, 2.718281828459045, 100.0, 1e300 * 10, -1e300 * 10, 0.1 + 0.2, 4.35, 2.675,
          float(2 ** 53), float(2 ** 53 + 1), 1e50, 12345.678, -0.001, 9.999999999999999e22]
strs = ['', 'a', 'abc', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', '\x00\x01\x7f\x80\xff',
        'hello world', 'x' * 40, '\\', 'caf\xc3\xa9']
unis = [u'', u'a', u'caf\xe9', u'\u20ac', u'\U0001f600', u"it's", u'\n\t\\', u'\x80', u'\u0100abc']
tuples = [(), (1,), (1, 2), ('a', 1), (1, (2, 3)), (True,), (1.5, 'x', u'y'), (True, False)]

for v in ints + longs + floats + strs + unis + tuples + [True, False, frozenset([1, 2, 3]), frozenset(), frozenset(['a', 'b'])]:
    if isinstance(v, frozenset):
        emit('hash', repr(sorted(v)), repr(hash(v)))
        continue
    if v is None:
        continue
    emit('repr', repr(v), repr(repr(v)))
    emit('str', repr(v), attempt(lambda: str(v)))
    emit('hash', repr(v), repr(hash(v)))

nums = ints[:12] + longs[:6] + floats[:14]
ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', 'divmod', 'truediv']


def binop(op, a, b):
    if op == 'divmod':
        return divmod(a, b)
    if op == 'truediv':
        return a.__truediv__(b) if hasattr(a, '__truediv__') and a.__truediv__(b) is not NotImplemented else b.__rtruediv__(a)
    if op == '**':
        if isinstance(b, (int, long)) and abs(b) > 300:
            raise ValueError('skip')
        if isinstance(a, (int, long)) and isinstance(b, (int, long)) and b > 64:
            raise ValueError('skip')
    if op == '<<' and isinstance(b, (int, long)) and b > 200:
        raise ValueError('skip')
    return eval('a %s b' % op)


for _ in range(1500):
    op = random.choice(ops)
    a, b = random.choice(nums), random.choice(nums)
    r = attempt(lambda: binop(op, a, b))
    if r == '!ValueError: skip':
        continue
    emit('binop', repr(op), repr(a), repr(b), r)
for op in ['+', '*', '%']:
    for a, b in [('ab', 'cd'), ('ab', 3), (3, 'ab'), ('ab', u'cd'), (u'x', 'y'), ([1], [2]), ((1,), (2,)),
                 ([1], 2), ('a', 1.5), ('caf\xc3\xa9', u'x'), ('%s', (1,)), ('%d', 'x'), ([], 'a')]:
        emit('binop', repr(op), repr(a), repr(b), attempt(lambda: eval('a %s b' % op)))

cmpvals = [0, 1, -1, 2 ** 63, 1.5, float('nan'), 'a', 'b', u'a', (1,), (1, 2), [1], None, True, '', 0.0]
for a in cmpvals:
    for b in cmpvals:
        if type(a) is type(b) or isinstance(a, (int, long, float)) and isinstance(b, (int, long, float)) or a is None or b is None or type(a).__name__ != type(b).__name__:
            emit('cmp', repr(a), repr(b), repr([a < b, a <= b, a == b, a != b, a > b, a >= b]))

fmts = [('%d', 42), ('%5d', 42), ('%-5d|', 42), ('%05d', -42), ('%+d', 42), ('% d', 42), ('%x', 255), ('%#x', 255),
        ('%X', 255), ('%#o', 8), ('%o', 0), ('%e', 12345.678), ('%.2e', 0.000123), ('%E', 1e100), ('%f', 3.14159),
        ('%.0f', 2.5), ('%.1f', 0.05), ('%10.3f|', -3.14159), ('%-10.3f|', 3.14159), ('%g', 1e-5), ('%g', 123456789.0),
        ('%.3g', 3.14159), ('%#g', 1.0), ('%G', 1e-10), ('%s', 'str'), ('%r', 'str'), ('%5s|', 'ab'), ('%-5s|', 'ab'),
        ('%.2s', 'abcdef'), ('%c', 65), ('%c', 'z'), ('%%', ()), ('%s %s', (1, 2)), ('%(a)s-%(b)d', {'a': 'x', 'b': 3}),
        ('%*d', (5, 42)), ('%.*f', (2, 3.14159)), ('%d', 3.99), ('%d', -3.99), ('%s', None), ('%s', (1,)), ('%s', [1, 2]),
        ('%d %d', (1,)), ('%d', (1, 2)), ('%z', 1), ('%d', 'x'), ('%f', 'x'), ('%s', u'uni'), ('%i', 2 ** 70),
        ('%x', -255), ('%f', 1e60), ('%.3f', float('inf')), ('%f', float('nan')), ('%5.1f%%', 99.5), ('%s', 1.0),
        ('%r', 1.1), ('%s', 0.1 + 0.2), ('%r', u'\xe9'), ('%(x)r', {'x': [1]}), ('%3c|', 'a'), ('%.3s', u'abcd'),
        ('%e', 0.0), ('%.10g', 1 / 3.0), ('%g', 100000.0), ('%g', 1000000.0), ('%#.3x', 5), ('%+.2f', 0.0)]
for f, a in fmts:
    emit('pct', repr(f), repr(a), attempt(lambda: f % a))

specs = [(42, ''), (42, '5'), (42, '<5'), (42, '^5'), (42, '=+6'), (42, '06'), (42, 'x'), (42, '#x'), (42, '#b'),
         (42, 'o'), (255, 'X'), (1234567, ','), (-1234567, ','), (42, 'c'), (3.14159, ''), (3.14159, '.2f'),
         (3.14159, '10.3f'), (3.14159, '<10.3f'), (1e16, ''), (0.1, ''), (1.0, ''), (1.5, 'e'), (1.5, '.3e'),
         (0.25, '%'), (0.25, '.1%'), (1234.5, ',.2f'), (1e-5, 'g'), (123456789.0, 'g'), (2.5, '.0f'), (42, '.2f'),
         ('abc', ''), ('abc', '5'), ('abc', '>5'), ('abc', '^7'), ('abc', '*^7'), ('abc', '.2'), (-0.0, ''),
         (float('inf'), ''), (float('nan'), 'f'), (42, '+'), (42, ' '), (-42, ' '), (1.0, 'g'), (10.0, '.3g'),
         (3, 'e'), (True, ''), (None, ''), (u'x', '3')]
for v, s in specs:
    emit('fmt', repr(v), repr(s), attempt(lambda: format(v, s)))

# dict and set orders after random insert/delete sequences
keyspace = [0, 1, 2, 3, 5, 8, 13, 16, 24, 32, 33, 64, 100, -1, -2, 2 ** 40, 'a', 'b', 'c', 'ab', 'abc', 'key',
            'hello', 'z', '', (1, 2), 1.5, 2.0, u'u', True]
# None hashes by its address in CPython, so it is kept out of hash-order cases
for n in range(220):
    ops = []
    live = []
    size = random.choice([3, 6, 10, 20, 40, 100])
    for _ in range(size):
        if live and random.random() < 0.3:
            k = random.choice(live)
            ops.append(('d', k))
            live.remove(k)
        else:
            k = random.choice(keyspace) if random.random() < 0.6 else random.randint(-500, 5000)
            ops.append(('s', k))
            if k not in live:
                live.append(k)
    d = {}
    s = set()
    for op, k in ops:
        if op == 's':
            d[k] = len(d)
            s.add(k)
        else:
            d.pop(k, None)
            s.discard(k)
    emit('dictops', repr(ops), repr(d))
    emit('setops', repr(ops), repr(s))

for n in range(120):
    a = [random.choice(keyspace) if random.random() < 0.5 else random.randint(-50, 300) for _ in range(random.randint(0, 25))]
    b = [random.choice(keyspace) if random.random() < 0.5 else random.randint(-50, 300) for _ in range(random.randint(0, 25))]
    sa, sb = set(a), set(b)
    emit('setalg', repr(a), repr(b), repr([sa | sb, sa & sb, sa - sb, sa ^ sb, sa.union(b), sa.intersection(b), sa.difference(b), sa.symmetric_difference(b), frozenset(a) | sb]))
    d = dict((k, i) for i, k in enumerate(a))
    d2 = d.copy()
    d2.update(dict((k, -i) for i, k in enumerate(b)))
    emit('dictalg', repr(a), repr(b), repr([d2, dict(d), d.keys(), set(d), d.items()[:3]]))

lits = [
    [1, 2, 3, 4, 5, 6, 7],
    ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    list(range(20)),
    [(1, 2), (3, 4), 'x', 5],
]
for l in lits:
    emit('dictlit', repr(l), repr(dict((k, 0) for k in l)), repr(dict.fromkeys(l)))
    emit('setlit', repr(l), repr(set(l)), repr(frozenset(l)))

sortcases = [[3, 'a', None, 1.5, (1,), [2]], [u'b', 'a', 2, 1L, 0.5, None, (), [], {}],
             [3, 1, 2, 1.0, 2L], ['b', 'B', 'a', 'A', ''], [(1, 'b'), (1, 'a'), (0, 'z')], [True, 0, -1, False, 2]]
for l in sortcases:
    emit('sorted', repr(l), repr(sorted(l)))

rounds = [(0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (-2.5, 0), (2.675, 2), (0.125, 2), (0.375, 2), (1234.5678, -2),
          (1e300, 2), (-1.005, 2), (5.5, 0), (0.05, 1), (0.15, 1), (0.25, 1), (123.456, 1), (9.995, 2), (1, 0)]
for v, n in rounds:
    emit('round', repr(v), repr(n), repr(round(v, n)))

conv = ['0', '12', '-12', ' 42 ', '0x1f', '1e3', 'abc', '', '99999999999999999999', '1.5', 'inf', '-inf', 'nan',
        '  3.25  ', '1_000', '0o17', '017', '+5']
for s in conv:
    emit('int', repr(s), attempt(lambda: int(s)))
    emit('float', repr(s), attempt(lambda: float(s)))
    emit('long', repr(s), attempt(lambda: long(s)))
for v in [3.7, -3.7, 1e20, 2 ** 70, True]:
    emit('int', repr(v), attempt(lambda: int(v)))
for v in ints[:8] + longs[:6]:
    emit('hexoct', repr(v), repr([hex(v), oct(v), bin(v)]))
out.close()
