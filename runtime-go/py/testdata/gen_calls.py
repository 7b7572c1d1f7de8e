# Writes calls.txt: argument-binding results of CPython 2.7 for many
# signatures and call shapes, read by calls_test.go.
# Line: params<TAB>ndefaults<TAB>varargs<TAB>kwargs<TAB>npos<TAB>kwnames<TAB>result
# result is the repr of the bound locals dict ordered by parameter, or !TypeError: msg.
out = open('calls.txt', 'w')
sigs = [([], 0, '', ''), (['a'], 0, '', ''), (['a', 'b'], 0, '', ''), (['a', 'b'], 1, '', ''),
        (['a', 'b', 'c'], 2, '', ''), (['a'], 0, 'rest', ''), (['a', 'b'], 1, 'rest', ''), ([], 0, 'rest', ''),
        (['a'], 0, '', 'kw'), (['a', 'b'], 1, 'rest', 'kw'), ([], 0, '', 'kw'), (['self', 'x'], 0, '', ''),
        (['a', 'b', 'c', 'd', 'e'], 0, '', '')]
calls = [(0, []), (1, []), (2, []), (3, []), (6, []), (0, ['a']), (1, ['a']), (0, ['b']), (1, ['b']),
         (0, ['a', 'b']), (0, ['z']), (2, ['z']), (1, ['c']), (0, ['x']), (2, ['a'])]
for params, ndef, va, kwa in sigs:
    sig = list(params)
    defaults = ['D%d' % i for i in range(ndef)]
    src_params = []
    for i, p in enumerate(params):
        if i >= len(params) - ndef:
            src_params.append('%s=%r' % (p, defaults[i - (len(params) - ndef)]))
        else:
            src_params.append(p)
    if va:
        src_params.append('*' + va)
    if kwa:
        src_params.append('**' + kwa)
    names = params + ([va] if va else []) + ([kwa] if kwa else [])
    src = 'def fn(%s):\n    return [%s]\n' % (', '.join(src_params), ', '.join(names))
    ns = {}
    exec src in ns
    fn = ns['fn']
    for npos, kws in calls:
        args = ['P%d' % i for i in range(npos)]
        kw = dict((k, 'K' + k) for k in kws)
        try:
            r = repr(fn(*args, **kw))
        except TypeError as e:
            r = '!TypeError: %s' % e
        out.write('\t'.join([','.join(params), str(ndef), va, kwa, str(npos), ','.join(kws), r]) + '\n')
out.close()
