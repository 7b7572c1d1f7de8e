# Writes normalization32.txt: like normalization.txt, for ucd_3_2_0 (the
# Unicode 3.2 view), over every character with a decomposition or a
# non-zero combining class in either version.
#   python2.7 gen_normalization32.py > normalization32.txt
import unicodedata as cur
ud = cur.ucd_3_2_0
def h(u):
    return ' '.join('%x' % ord(c) for c in u)
seen = set()
for c in xrange(0x110000):
    ch = unichr(c)
    if not (ud.decomposition(ch) or ud.combining(ch) or cur.decomposition(ch) or cur.combining(ch)):
        continue
    for s in (ch, ch + u'\u0301', u'a' + ch, ch + u'\u0323\u0307'):
        if s in seen:
            continue
        seen.add(s)
        print ';'.join([h(s)] + [h(ud.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
