// name: bench_cascade_down_closure
// purpose: Benchmark variant of cascade_down over the precomputed closure (UNDER edges written by cypher/load_lineage_closure.cypher): one hop from the directive to every descendant, the same columns as cascade_down (depth and parent stored on the closure edge).
// params: id = "27-nq-tw--2008"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status, parent_id, parent_symbol
// engines: falkordb, neo4j
MATCH (r:Document {id: $id})<-[u:UNDER]-(d)
RETURN u.depth AS depth, d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on, d.status AS status,
       u.parent_id AS parent_id, u.parent_symbol AS parent_symbol
ORDER BY depth, province, district, id
