# Writes methods.txt: str/unicode/list/dict/tuple method calls with CPython
# 2.7's results (repr, or !Type: message), read by methods_test.go.
# Line: repr(obj)<TAB>method<TAB>repr(args tuple)<TAB>result
out = open('methods.txt', 'w')
strs = ['', 'abc', '  Hello World  ', 'a,b,,c', 'one\ttwo\nthree\r\nfour', 'MiXeD cAsE', '123', 'x' * 5, 'hello world foo']
calls = [
    ('split', ()), ('split', (',',)), ('split', (None, 1)), ('split', (',', 1)), ('rsplit', (None, 1)), ('rsplit', (',', 1)),
    ('splitlines', ()), ('splitlines', (True,)), ('strip', ()), ('strip', ('ad',)), ('lstrip', ()), ('rstrip', (' d',)),
    ('find', ('l',)), ('find', ('l', 4)), ('rfind', ('o',)), ('index', ('b',)), ('rindex', ('zz',)), ('count', ('l',)),
    ('count', ('',)), ('replace', ('l', 'L')), ('replace', ('l', 'L', 1)), ('replace', ('', '-')), ('upper', ()), ('lower', ()),
    ('title', ()), ('capitalize', ()), ('swapcase', ()), ('center', (20, '*')), ('center', (4,)), ('ljust', (10, '.')),
    ('rjust', (10,)), ('zfill', (8,)), ('startswith', ('ab',)), ('startswith', (('x', 'H'), 2)), ('endswith', ('c',)),
    ('endswith', ('ld', 0, -2)), ('isalpha', ()), ('isdigit', ()), ('isalnum', ()), ('isspace', ()), ('isupper', ()),
    ('islower', ()), ('istitle', ()), ('partition', (',',)), ('rpartition', (' ',)), ('expandtabs', ()), ('expandtabs', (4,)),
    ('join', (['x', 'y'],)), ('encode', ('hex',)), ('encode', ('base64',)), ('decode', ('ascii',)), ('translate', (None, 'lo')),
    ('__len__', ()), ('__contains__', ('ll',)), ('__getitem__', (1,)), ('__mul__', (2,)), ('__add__', ('!',)),
]
for s in strs:
    for name, args in calls:
        for obj in (s, unicode(s)):
            if isinstance(obj, unicode) and name in ('encode', 'decode', 'translate'):
                continue
            try:
                r = repr(getattr(obj, name)(*args))
            except Exception as e:
                r = '!%s: %s' % (type(e).__name__, e)
            out.write('\t'.join([repr(obj), name, repr(args), r]) + '\n')
# bytearray shares str's methods (results are bytearrays); written as bytearray('...').
for s in strs:
    for name, args in calls:
        if name == 'encode':
            continue
        try:
            r = repr(getattr(bytearray(s), name)(*args))
        except Exception as e:
            r = '!%s: %s' % (type(e).__name__, e)
        out.write('\t'.join(['bytearray(%r)' % s, name, repr(args), r]) + '\n')
lists = [[], [3, 1, 2], ['b', 'a', 'c', 'a'], [1, [2, 3], (4,)]]
lcalls = [('index', (1,)), ('index', ('a', 2)), ('count', ('a',)), ('__getitem__', (-1,)), ('__contains__', (2,)),
          ('__add__', ([9],)), ('__mul__', (2,)), ('__len__', ())]
for l in lists:
    for name, args in lcalls:
        for obj in (l, tuple(l)):
            try:
                r = repr(getattr(obj, name)(*args))
            except Exception as e:
                r = '!%s: %s' % (type(e).__name__, e)
            out.write('\t'.join([repr(obj), name, repr(args), r]) + '\n')
dicts = [{}, {'a': 1, 'b': 2}, {1: 'x', (1, 2): [3]}]
dcalls = [('get', ('a',)), ('get', ('z', 0)), ('keys', ()), ('values', ()), ('items', ()), ('has_key', ('b',)),
          ('__getitem__', ('a',)), ('copy', ()), ('__len__', ()), ('__contains__', (1,))]
for d in dicts:
    for name, args in dcalls:
        try:
            r = repr(getattr(dict(d), name)(*args))
        except Exception as e:
            r = '!%s: %s' % (type(e).__name__, e)
        out.write('\t'.join([repr(d), name, repr(args), r]) + '\n')
unis = [u'caf\xe9 na\xefve', u'\u0391\u03b2\u03b3 \u03b4', u'stra\xdfe', u'\xc9T\xc9', u'a\u2028b\x85c']
ucalls = [('upper', ()), ('lower', ()), ('title', ()), ('capitalize', ()), ('swapcase', ()), ('isalpha', ()),
          ('isupper', ()), ('islower', ()), ('istitle', ()), ('split', ()), ('splitlines', ()), ('find', (u'\xe9',)),
          ('replace', (u'a', u'\xe0')), ('center', (15, u'\xb7')), ('encode', ('utf-8',)), ('encode', ('latin-1',)),
          ('encode', ('ascii', 'replace')), ('encode', ('ascii', 'xmlcharrefreplace')), ('encode', ('ascii',)),
          ('encode', ('unicode_escape',)), ('__len__', ()), ('strip', (u'a\xe9',)), ('zfill', (12,))]
for u in unis:
    for name, args in ucalls:
        try:
            r = repr(getattr(u, name)(*args))
        except Exception as e:
            r = '!%s: %s' % (type(e).__name__, e)
        out.write('\t'.join([repr(u), name, repr(args), r]) + '\n')
sets = [[], [1, 2, 3], ['a', 'b']]
scalls = [('union', ([3, 4],)), ('intersection', ([2, 3, 9],)), ('difference', ([1],)), ('symmetric_difference', ([1, 9],)),
          ('issubset', ([1, 2, 3, 4],)), ('issuperset', ([1],)), ('isdisjoint', ([7],)), ('copy', ()), ('__len__', ()),
          ('__contains__', (2,)), ('pop', ()), ('remove', (5,)), ('discard', (5,))]
for l in sets:
    for name, args in scalls:
        for ctor in (set, frozenset):
            obj = ctor(l)
            if not hasattr(obj, name):
                continue
            try:
                r = repr(getattr(obj, name)(*args))
            except Exception as e:
                r = '!%s: %s' % (type(e).__name__, e)
            out.write('\t'.join(['%s(%r)' % (ctor.__name__, l), name, repr(args), r]) + '\n')
out.close()
