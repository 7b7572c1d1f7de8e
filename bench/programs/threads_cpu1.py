# A CPU-bound job run on 1 thread (threads_cpu2.py splits the same jobs over 2).
import threading

N = 1
JOBS = 4
STEPS = 8000000


def work(k, out):
    for job in range(k, JOBS, N):
        acc = job + 1
        for i in xrange(STEPS):
            acc = (acc * 1664525 + 1013904223 + i) % 4294967296
        out[job] = acc

out = [0] * JOBS
ts = [threading.Thread(target=work, args=(k, out)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print "checksum", sum(out) % 1000000007
