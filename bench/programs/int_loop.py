# Tight integer loops: arithmetic, modulo, comparisons in while and for loops.
def work(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        if i & 1:
            acc ^= i
        i += 1
    return acc


def sieve(n):
    flags = [True] * n
    count = 0
    for i in xrange(2, n):
        if flags[i]:
            count += 1
            for j in xrange(i * i, n, i):
                flags[j] = False
    return count

print "checksum", work(12000000), sieve(3000000)
