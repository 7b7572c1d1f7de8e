# List and sort work: building, slicing, sorting with keys, comprehension and reversal.
seed = 12345
data = []
for i in xrange(1000000):
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    data.append(seed % 100000)
a = sorted(data)
b = sorted(data, key=lambda x: (x % 1000, x))
c = [x * 2 for x in a if x % 3]
c.reverse()
chunks = [sorted(data[i:i + 1000], reverse=True)[:10] for i in range(0, len(data), 1000)]
print "checksum", a[0], a[-1], b[100], sum(c[::1000]), sum(sum(ch) for ch in chunks), len(c)
