"""weakref and gc: weak references and proxies, WeakValueDictionary caches, finalizers, reference cycles collected by gc."""
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __repr__(self):
        return f"Node({self.name})"


a = Node("a")
ref = weakref.ref(a)
proxy = weakref.proxy(a)
print(ref() is a, proxy.name, weakref.getweakrefcount(a))
del a
print(ref(), "dead ref after del")
try:
    proxy.name
except ReferenceError as e:
    print("ReferenceError:", e)
cache = weakref.WeakValueDictionary()
keep = [Node(f"n{i}") for i in range(5)]
for n in keep:
    cache[n.name] = n
del keep[1:3]
print(sorted(cache.keys()))
events = []
x = Node("finalized")
fin = weakref.finalize(x, events.append, "finalizer ran")
print(fin.alive)
del x
print(events, fin.alive)
gc.collect()
gc.disable()
cycle_a, cycle_b = Node("cycle-a"), Node("cycle-b")
cycle_a.peer, cycle_b.peer = cycle_b, cycle_a
cycle_ref = weakref.ref(cycle_a)
weakref.finalize(cycle_a, events.append, "cycle collected")
del cycle_a, cycle_b
print("before collect:", cycle_ref() is not None, events)
found = gc.collect()
print("after collect:", cycle_ref(), found >= 2, events)
gc.enable()
print(gc.isenabled(), len(gc.get_threshold()), gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
keyed = weakref.WeakKeyDictionary()
k = Node("key")
keyed[k] = "value"
print(len(keyed))
del k
print(len(keyed))
ws = weakref.WeakSet()
objs = [Node(str(i)) for i in range(3)]
for o in objs:
    ws.add(o)
objs.pop()
print(len(ws))


class Method:
    def hello(self):
        return "hello"


m = Method()
wm = weakref.WeakMethod(m.hello)
print(wm()(), sys.getrefcount(m) >= 2)
del m
print(wm())
