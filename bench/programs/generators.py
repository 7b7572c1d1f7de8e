# Generator pipelines: chained generators, generator expressions, sum over pipelines.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def windows(it):
    prev = None
    for x in it:
        if prev is not None:
            yield x - prev
        prev = x

total = 0
for rep in range(30):
    total += sum(windows(evens(squares(numbers(300000)))))
    total += sum(x % 7 for x in numbers(300000) if x & 1)
print "checksum", total
