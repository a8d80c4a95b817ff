// name: bench_lineage_up_dedup
// purpose: Benchmark variant of lineage_up over deduplicated lineage edges (BENCH_LINK, one per pair): DISTINCT ancestors with their shortest depth.
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status
// engines: falkordb, neo4j
MATCH p = (s:Document {id: $id})-[:BENCH_LINK*1..10]->(a:Document)
WITH a, min(length(p)) AS depth
RETURN depth, a.id AS id, a.symbol AS symbol, a.doc_type AS doc_type, a.title AS title, a.issuer AS issuer,
       a.level AS level, a.province AS province, a.district AS district, a.issued_on AS issued_on, a.status AS status
ORDER BY depth, id
