// name: bench_lineage_down_maps
// purpose: Benchmark variant: lineage_down as shipped before the issue #6 reshaping (one {source, target, type} map per path, DISTINCT over maps), to show the effect of the shape in the same run.
// params: id = "27-nq-tw--2008"; depth = 10
// returns: depth, impl_depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status, edges (list of {source, target, type}), basis_only
// engines: falkordb, neo4j
MATCH (start:Document {id: $id})
MATCH p = (start)<-[:IMPLEMENTS|BASED_ON*0..10]-(n:Document)
WHERE length(p) <= $depth
WITH start, n,
     max(length(p)) AS longest,
     max(CASE WHEN all(r IN relationships(p) WHERE type(r) = 'IMPLEMENTS') THEN length(p) ELSE NULL END) AS impl_longest,
     collect(DISTINCT CASE WHEN length(p) = 0 THEN NULL
             ELSE {source: n.id, target: nodes(p)[length(p) - 1].id, type: type(relationships(p)[length(p) - 1])} END) AS edges
WITH n, edges,
     CASE WHEN n.id = start.id THEN 0 ELSE longest END AS depth,
     CASE WHEN n.id = start.id THEN 0 ELSE impl_longest END AS impl_depth
RETURN depth, impl_depth, n.id AS id, n.symbol AS symbol, n.doc_type AS doc_type, n.title AS title,
       n.issuer AS issuer, n.level AS level, n.province AS province, n.district AS district,
       n.issued_on AS issued_on, n.status AS status, edges,
       CASE WHEN impl_depth IS NULL THEN 1 ELSE 0 END AS basis_only
ORDER BY basis_only, coalesce(impl_depth, depth), depth, symbol, id
