// name: directive_coverage
// purpose: Provinces and districts that have a plan implementing a directive (directly or through intermediate plans), one row per plan.
// params: id = "142-qd-ttg--2020"
// returns: province, district, level, id, symbol, doc_type, issuer, issued_on, status, depth
// engines: falkordb, neo4j
// A plan counts when a chain of IMPLEMENTS/BASED_ON edges leads from it to
// the directive; depth 1 means it names the directive itself. Documents
// without a province (central bodies) are not coverage and are left out.
MATCH (root:Document {id: $id})
MATCH p = (d:Document)-[:IMPLEMENTS|BASED_ON*1..10]->(root)
WHERE d.province IS NOT NULL
WITH d, min(length(p)) AS depth
RETURN d.province AS province,
       d.district AS district,
       d.level AS level,
       d.id AS id,
       d.symbol AS symbol,
       d.doc_type AS doc_type,
       d.issuer AS issuer,
       d.issued_on AS issued_on,
       d.status AS status,
       depth
ORDER BY province, district, depth, id
