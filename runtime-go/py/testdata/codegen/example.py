import sys

def greet(name, greeting="Hello"):
    return "%s, %s!" % (greeting, name)

class Counter(object):
    def __init__(self, start=0):
        self.n = start

    def incr(self, by=1):
        self.n += by
        return self.n

def main():
    c = Counter(10)
    total = 0
    for i in range(5):
        total += c.incr(i)
    print greet("world"), total
    print greet("Go", greeting="Hi"),
    print c.n
    d = {'a': 1, 'b': 2.5}
    try:
        d['c']
    except KeyError as e:
        print "missing", e, d
    print len(sys.argv) > 0
    return c

c = main()
c.incr("x")
