# A CPU-bound job split over 2 threads (threads_cpu1.py does the same jobs on 1 thread).
import threading

N = 2
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
