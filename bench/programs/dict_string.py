# Dict and string work: word counting, string building, formatting, joins and splits.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
counts = {}
parts = []
for i in xrange(3000000):
    w = words[i % 10] + str(i % 97)
    counts[w] = counts.get(w, 0) + 1
    if i % 1000 == 0:
        parts.append("%s:%d" % (w, counts[w]))
text = " ".join(parts)
total = 0
for tok in text.split():
    name, n = tok.split(":")
    total += len(name.upper()) * int(n)
keys = sorted(counts)
index = {}
for k in keys:
    index.setdefault(k[0], []).append(k)
print "checksum", len(counts), total, sum(len(v) for v in index.values()), keys[0], keys[-1]
