// name: load_lineage_closure
// purpose: Loader: recompute the precomputed lineage closure of the given documents and of every document below them: one UNDER edge from a document to each ancestor within 10 IMPLEMENTS/BASED_ON hops, with the shortest depth and the document right above it on that chain, so a full cascade is one hop (cascade_down).
// params: ids = ["85-kh-ubnd--2020--soc-trang--chau-thanh", "56-kh-ubnd--2020--soc-trang"]
// returns: nothing
// engines: falkordb, neo4j
// ids: the documents whose own lineage edges this write changed (the loaded
// documents, the children of the edges they state, and the documents they
// stated edges for before a re-ingest): cascade.loader.lineage_closure_ids. A
// changed edge changes the ancestors of its child and of everything below it,
// so the descendants are expanded here, in the same transaction. Recomputing
// (delete, then create) instead of patching keeps it exact when an edge goes
// away. Depth is the shortest chain; the parent, among equally short chains,
// the next document up with the smallest id: stored values must not depend on
// the order documents were loaded in, which traversal order does (grouped and
// one-by-one ingest must give the same graph, tests/test_group_load.py).
// bench/cypher/bench_cascade_down_traversal.cypher computes the same per call
// (kept for the benchmark and tests/test_lineage_shapes.py). The old UNDER
// edges are deleted before anything is written (FalkorDB 4.16 lost SETs
// followed by a DELETE in one query, CONTRIBUTING.md).
UNWIND $ids AS id
MATCH (s:Document {id: id})
OPTIONAL MATCH (x)-[:IMPLEMENTS|BASED_ON*1..10]->(s)
WITH collect(DISTINCT s) + collect(DISTINCT x) AS below
UNWIND below AS d
WITH DISTINCT d
OPTIONAL MATCH (d)-[u:UNDER]->()
DELETE u
WITH DISTINCT d
MATCH p = (d)-[:IMPLEMENTS|BASED_ON*1..10]->(a)
WITH d, a, length(p) AS len, nodes(p)[1] AS parent
ORDER BY len, parent.id
WITH d, a, min(len) AS depth, collect(parent)[0] AS parent
CREATE (d)-[:UNDER {depth: depth, parent_id: parent.id, parent_symbol: parent.symbol}]->(a)
