"""heapq and bisect: priority queues, merge, nlargest/nsmallest with keys, a Dijkstra run, sorted inserts and grade lookups."""
import bisect
import heapq

data = [5, 3, 8, 1, 9, 2, 7, 3, 6]
heap = list(data)
heapq.heapify(heap)
print(heap[:], [heapq.heappop(heap) for _ in range(4)], heap)
heapq.heappush(heap, 0)
print(heapq.heappushpop(heap, 4), heapq.heapreplace(heap, 10), sorted(heap))
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), heapq.nlargest(2, ["apple", "fig", "banana"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge(["b", "a"], ["c"], key=str, reverse=True)))
graph = {"A": {"B": 7, "C": 9, "F": 14}, "B": {"A": 7, "C": 10, "D": 15}, "C": {"A": 9, "B": 10, "D": 11, "F": 2},
         "D": {"B": 15, "C": 11, "E": 6}, "E": {"D": 6, "F": 9}, "F": {"A": 14, "C": 2, "E": 9}}


def dijkstra(start):
    dist, prev, queue = {start: 0}, {}, [(0, start)]
    while queue:
        d, node = heapq.heappop(queue)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in sorted(graph[node].items()):
            if d + w < dist.get(nxt, float("inf")):
                dist[nxt], prev[nxt] = d + w, node
                heapq.heappush(queue, (d + w, nxt))
    return dist, prev


dist, prev = dijkstra("A")
path, node = [], "E"
while node != "A":
    path.append(node)
    node = prev[node]
print(sorted(dist.items()), ["A"] + path[::-1])
scores = [60, 70, 80, 90]
grades = "FDCBA"
print([grades[bisect.bisect(scores, s)] for s in [33, 60, 69, 70, 89, 90, 100]])
sorted_list = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(sorted_list, x)
print(sorted_list, bisect.bisect_left(sorted_list, 5), bisect.bisect_right(sorted_list, 5), bisect.bisect_left(sorted_list, 3))
records = sorted([("ana", 31), ("bob", 27), ("cid", 45)], key=lambda r: r[1])
print(records[bisect.bisect_left(records, 30, key=lambda r: r[1])])
tasks = []
for priority, seq, name in [(2, 0, "write"), (1, 1, "plan"), (2, 2, "review"), (0, 3, "urgent")]:
    heapq.heappush(tasks, (priority, seq, name))
print([heapq.heappop(tasks)[2] for _ in range(len(tasks))])
