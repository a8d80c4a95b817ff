// name: bench_lineage_up_closure
// purpose: Benchmark variant of lineage_up over the precomputed closure (UNDER edges written by cypher/load_lineage_closure.cypher): one hop from the plan to every ancestor.
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status
// engines: falkordb, neo4j
MATCH (s:Document {id: $id})-[u:UNDER]->(a:Document)
RETURN u.depth AS depth, a.id AS id, a.symbol AS symbol, a.doc_type AS doc_type, a.title AS title, a.issuer AS issuer,
       a.level AS level, a.province AS province, a.district AS district, a.issued_on AS issued_on, a.status AS status
ORDER BY depth, id
