// name: bench_cascade_down_traversal
// purpose: Benchmark variant and test reference of cascade_down: the variable-length traversal it replaced (session 3), computing depth and parent per call instead of reading them off the UNDER closure. Full cascade below a directive: every document that implements it or is based on it, directly or transitively, with its level, depth and the parent it hangs from.
// params: id = "27-nq-tw--2008"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status, parent_id, parent_symbol
// engines: falkordb, neo4j
// Depth is the length of the shortest IMPLEMENTS/BASED_ON chain (the lineage
// edges of graph_schema.LINEAGE_EDGES); parent_* is the next document up on
// that chain, so the rows draw a tree. The bound *1..10 is literal (both
// engines' portable subset forbids a parameter there).
// Shape (issue #6 benchmarks): each path is reduced at once to (length, next
// node up) and only that pair is sorted and collected, instead of sorting and
// collecting whole path values; lineage edges only join Documents
// (graph_schema.EDGES), so the far end needs no label check. Among equally
// short chains the parent with the smallest id (as load_lineage_closure stores it).
MATCH (root:Document {id: $id})
MATCH p = (d)-[:IMPLEMENTS|BASED_ON*1..10]->(root)
WITH d, length(p) AS len, nodes(p)[1] AS parent
ORDER BY len, parent.id
WITH d, min(len) AS depth, collect(parent)[0] AS parent
RETURN depth,
       d.id AS id,
       d.symbol AS symbol,
       d.doc_type AS doc_type,
       d.title AS title,
       d.issuer AS issuer,
       d.level AS level,
       d.province AS province,
       d.district AS district,
       d.issued_on AS issued_on,
       d.status AS status,
       parent.id AS parent_id,
       parent.symbol AS parent_symbol
ORDER BY depth, province, district, id
