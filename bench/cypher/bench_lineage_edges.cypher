// name: bench_lineage_edges
// purpose: Benchmark export: every lineage edge (IMPLEMENTS, BASED_ON) between documents, a page at a time, to build the SQLite and in-memory baselines over the same data.
// params: skip = 0; limit = 100000
// returns: child, parent, type
// engines: falkordb, neo4j
MATCH (a:Document)-[r:IMPLEMENTS|BASED_ON]->(b:Document)
RETURN a.id AS child, b.id AS parent, type(r) AS type
ORDER BY child, parent, type
SKIP $skip LIMIT $limit
