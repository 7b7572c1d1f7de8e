# Writes normalization.txt: for every character with a decomposition or a
# non-zero combining class (and each followed by U+0301 / preceded by 'a'),
# CPython 2.7's NFC, NFD, NFKC and NFKD, as hex code point lists.
#   python2.7 gen_normalization.py > normalization.txt
import unicodedata as ud
def h(u):
    return ' '.join('%x' % ord(c) for c in u)
seen = set()
for c in xrange(0x110000):
    ch = unichr(c)
    if not ud.decomposition(ch) and not ud.combining(ch):
        continue
    for s in (ch, ch + u'\u0301', u'a' + ch, ch + u'\u0323\u0307'):
        if s in seen:
            continue
        seen.add(s)
        print ';'.join([h(s)] + [h(ud.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
