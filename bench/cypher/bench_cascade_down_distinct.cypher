// name: bench_cascade_down_distinct
// purpose: Benchmark variant of cascade_down: one variable-length traversal, DISTINCT descendants with their shortest depth (no collect of every path), to show the cost of the query shape.
// params: id = "27-nq-tw--2008"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status
// engines: falkordb, neo4j
MATCH p = (r:Document {id: $id})<-[:IMPLEMENTS|BASED_ON*1..10]-(d:Document)
WITH d, min(length(p)) AS depth
RETURN depth, d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on, d.status AS status
ORDER BY depth, id
