// name: bench_busiest_agencies
// purpose: Benchmark inputs: the agencies with the most assigned tasks (the duties lookup's worst case).
// params: limit = 20
// returns: id, tasks
// engines: falkordb, neo4j
MATCH (a:Agency)<-[r:ASSIGNED_TO]-(:Task)
RETURN a.id AS id, count(r) AS tasks
ORDER BY tasks DESC, id
LIMIT $limit
