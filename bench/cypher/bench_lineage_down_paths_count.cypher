// name: bench_lineage_down_paths_count
// purpose: Benchmark diagnostic: how many IMPLEMENTS/BASED_ON paths (bound 10) a traversal down from a document enumerates, and how many distinct documents they reach (paths per document = the work a path-based query does per row).
// params: id = "27-nq-tw--2008"
// returns: paths, documents
// engines: falkordb, neo4j
MATCH p = (d)-[:IMPLEMENTS|BASED_ON*1..10]->(root:Document {id: $id})
RETURN count(p) AS paths, count(DISTINCT d) AS documents
