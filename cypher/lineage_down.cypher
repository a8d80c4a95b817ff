// name: lineage_down
// purpose: Lineage down from a directive to every document that implements it or is based on it, directly or through intermediate plans; one row per document (the start at depth 0), ordered by longest distance (IMPLEMENTS chains first), each with the lineage edges that leave it towards the start (last hops of its paths).
// params: id = "27-nq-tw--2008"; depth = 10
// returns: depth, impl_depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status, edges (list of {source, target, type}), basis_only
// engines: falkordb, neo4j
// Shape (issue #6 benchmarks): one variable-length traversal, then per document
// the aggregates, with the last hop kept as the RELATIONSHIP itself
// (collect(DISTINCT rels[len - 1])) and turned into {source, target, type} maps
// only once per document. Building a map per path and DISTINCT-ing maps was 2/3
// of the server time under a national directive (~800 documents, ~1,800 paths).
// Lineage edges only join Documents (graph_schema.EDGES), so the far end needs
// no label check. rels[-1] of a zero-length path is null, which collect() skips.
MATCH (start:Document {id: $id})
MATCH p = (start)<-[:IMPLEMENTS|BASED_ON*0..10]-(n)
WHERE length(p) <= $depth
WITH start, n, length(p) AS len, relationships(p) AS rels
WITH start, n,
     max(len) AS longest,
     max(CASE WHEN all(r IN rels WHERE type(r) = 'IMPLEMENTS') THEN len ELSE NULL END) AS impl_longest,
     collect(DISTINCT rels[len - 1]) AS last
WITH n, [r IN last | {source: n.id, target: endNode(r).id, type: type(r)}] AS edges,
     CASE WHEN n.id = start.id THEN 0 ELSE longest END AS depth,
     CASE WHEN n.id = start.id THEN 0 ELSE impl_longest END AS impl_depth
RETURN depth, impl_depth, n.id AS id, n.symbol AS symbol, n.doc_type AS doc_type, n.title AS title,
       n.issuer AS issuer, n.level AS level, n.province AS province, n.district AS district,
       n.issued_on AS issued_on, n.status AS status, edges,
       CASE WHEN impl_depth IS NULL THEN 1 ELSE 0 END AS basis_only
ORDER BY basis_only, coalesce(impl_depth, depth), depth, symbol, id
