// name: bench_cascade_down_closure
// purpose: Benchmark variant of cascade_down over the precomputed closure (BENCH_UNDER): one hop from the directive to every descendant.
// params: id = "27-nq-tw--2008"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status
// engines: falkordb, neo4j
MATCH (r:Document {id: $id})<-[u:BENCH_UNDER]-(d:Document)
RETURN u.depth AS depth, d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on, d.status AS status
ORDER BY depth, id
