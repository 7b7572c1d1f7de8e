# End-to-end check of CPython's pure re module on the native _sre; its
# expected output (re_expected.txt) comes from python2.7.
import re

print re.match(r'(\w+) (\w+)', 'hello world').groups()
print re.search(r'\d+', 'abc 123 def').group()
print re.findall(r'[aeiou]', 'programming language')
print re.sub(r'(\d+)', r'<\1>', 'a1b22c333')
print re.sub(r'x*', '-', 'abc')
print re.split(r'[,;]\s*', 'a, b;c,  d')
print re.split(r'(,)', 'a,b,c', 1)
print [m.span() for m in re.finditer(r'o', 'foo boo')]
m = re.match(r'(?P<year>\d{4})-(?P<month>\d\d)', '2024-05-17')
print m.groupdict(), m.lastgroup, m.expand(r'\g<month>/\g<year>')
print re.compile(r'^\s*#', re.M).findall('a\n  # c\n#d')
print re.sub(r'(?i)HELLO', 'bye', 'Hello hello HELLO')
print re.escape('a.b*c')
print re.match(r'(a)?(?(1)b|c)', 'c').group(0)
print re.findall(r'(?<=@)\w+', 'me@host you@there')
print re.subn(r'\s+', ' ', 'a   b \t c')
print re.compile(r'[\u00e9-\u00ff]+', re.U).findall(u'caf\xe9 \xfcber')
print re.match(r'(a|b)*?c', 'ababc').groups()
print re.sub(r'a', lambda m: m.group().upper(), 'banana')
print repr(re.match(r'x', 'y'))
try:
    re.compile(r'(')
except re.error as e:
    print 'error:', e
