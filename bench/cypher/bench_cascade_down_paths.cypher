// name: bench_cascade_down_paths
// purpose: Benchmark variant: cascade_down as shipped before the issue #6 reshaping (sorts and collects whole paths per descendant), to show the effect of the shape in the same run.
// params: id = "27-nq-tw--2008"
// returns: depth, id, symbol, doc_type, title, issuer, level, province, district, issued_on, status, parent_id, parent_symbol
// engines: falkordb, neo4j
// Depth is the length of the shortest IMPLEMENTS/BASED_ON chain (the lineage
// edges of graph_schema.LINEAGE_EDGES); parent_* is the next document up on
// that chain, so the rows draw a tree. The bound *1..10 is literal (both
// engines' portable subset forbids a parameter there).
MATCH (root:Document {id: $id})
MATCH p = (d:Document)-[:IMPLEMENTS|BASED_ON*1..10]->(root)
WITH d, p
ORDER BY length(p)
WITH d, collect(p)[0] AS sp
WITH d, length(sp) AS depth, nodes(sp)[1] AS parent
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
