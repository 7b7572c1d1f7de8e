# Writes sizeof.txt: sys.getsizeof results of CPython 2.7 (64-bit Linux,
# UCS4 unicode), read by sizeof_test.go.
# Line: case<TAB>size. A case is a literal the Go test parses, or a recipe:
#   append:N  list after N appends to []      pop:N    that list of 20 after N pops
#   extend:N  [] extended by a list of N (iadd:N by +=)  iter:N   list(generator of N items)
#   comp:N    [x for x in range(N)]           dict:N / set:N  N int keys added one by one
#   deldict:N dict:20 after N deletions       range:N  range(N)
import sys
out = open('sizeof.txt', 'w')


def w(case, obj):
    out.write('%s\t%d\n' % (case, sys.getsizeof(obj)))


lits = ['0', '1', '-7', '2**62', 'True', 'False', 'None', '1.5', '0L', '1L', '-1L', '2**30', '2**31', '2**60', '-2**90', '10**40',
        "''", "'abc'", "'x' * 100", "u''", "u'abc'", "u'\\u20ac'", '()', '(1,)', '(1, 2, 3)', "('a', ('b', 'c'))",
        '[]', '[1]', '[1, 2, 3]', "['x'] * 17", '{}', "{'a': 1}"]
for e in lits:
    v = eval(e)
    out.write('%s\t%d\n' % (repr(v), sys.getsizeof(v)))
for n in range(0, 40):
    l = []
    for i in range(n):
        l.append(i)
    w('append:%d' % n, l)
    w('comp:%d' % n, [x for x in range(n)])
    w('iadd:%d' % n, [].__iadd__(range(n)))
    l = []
    l.extend(range(n))
    w('extend:%d' % n, l)
    w('iter:%d' % n, list(x for x in range(n)))
    w('range:%d' % n, range(n))
    d = {}
    for i in range(n):
        d[i] = i
    w('dict:%d' % n, d)
    s = set()
    for i in range(n):
        s.add(i)
    w('set:%d' % n, s)
for n in range(0, 21):
    l = []
    for i in range(20):
        l.append(i)
    for i in range(n):
        l.pop()
    w('pop:%d' % n, l)
    d = {}
    for i in range(20):
        d[i] = i
    for i in range(n):
        del d[i]
    w('deldict:%d' % n, d)
out.close()
