# Float numerics: an n-body style simulation with lists of floats.
import math


def simulate(n_steps):
    bodies = [[float(i), float(i * 2 % 5), float(i * 3 % 7), 0.01 * i, -0.02 * i, 0.0, 1.0 + i * 0.1] for i in range(5)]
    dt = 0.01
    for step in xrange(n_steps):
        for i in range(5):
            bi = bodies[i]
            for j in range(i + 1, 5):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                dz = bi[2] - bj[2]
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * math.sqrt(d2))
                mi = bi[6] * mag
                mj = bj[6] * mag
                bi[3] -= dx * mj
                bi[4] -= dy * mj
                bi[5] -= dz * mj
                bj[3] += dx * mi
                bj[4] += dy * mi
                bj[5] += dz * mi
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]
    return sum(b[0] + b[1] + b[2] for b in bodies)

print "checksum %.6f" % simulate(200000)
