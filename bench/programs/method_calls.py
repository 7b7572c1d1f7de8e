# Method calls on objects: attribute access, bound methods, small classes with inheritance.
class Vec(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


class Particle(object):
    def __init__(self, p, v):
        self.p = p
        self.v = v

    def step(self):
        self.p = self.p.add(self.v)
        if self.p.x > 1000 or self.p.x < -1000:
            self.v = self.v.scale(-1)

    def energy(self):
        return self.v.dot(self.v)


class Heavy(Particle):
    def energy(self):
        return 2 * Particle.energy(self)

ps = [(Heavy if i % 3 == 0 else Particle)(Vec(i, -i), Vec(i % 7 - 3, i % 5 - 2)) for i in range(100)]
total = 0
for t in range(25000):
    for p in ps:
        p.step()
    if t % 100 == 0:
        total += sum(p.energy() for p in ps)
print "checksum", total, sum(p.p.x + p.p.y for p in ps)
