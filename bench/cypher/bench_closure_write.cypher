// name: bench_closure_write
// purpose: Benchmark only: precomputed lineage, one BENCH_UNDER edge from each document to each of its ancestors with the shortest depth (the transitive closure of IMPLEMENTS|BASED_ON).
// params: rows = [{d: "85-kh-ubnd--2020--soc-trang--chau-thanh", a: "27-nq-tw--2008", depth: 4}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS r
MATCH (d:Document {id: r.d})
MATCH (a:Document {id: r.a})
MERGE (d)-[u:BENCH_UNDER]->(a)
SET u.depth = r.depth
