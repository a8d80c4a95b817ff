// name: api_lineage_up_edges
// purpose: Every IMPLEMENTS/BASED_ON edge above the given documents (what they carry out, transitively), as plain ids.
// params: ids = ["85-kh-ubnd--2020--soc-trang--chau-thanh"]
// returns: start, source, type, target
// engines: falkordb, neo4j
// notes: the bound *0..12 is literal (CONTRIBUTING); the API cuts the result at the requested depth.
//        DISTINCT documents first, then their last hop: a document reached by several paths is expanded once.
MATCH (s:Document) WHERE s.id IN $ids
MATCH (s)-[:IMPLEMENTS|BASED_ON*0..12]->(a:Document)
WITH DISTINCT s, a
MATCH (a)-[r:IMPLEMENTS|BASED_ON]->(b:Document)
RETURN DISTINCT s.id AS start, a.id AS source, type(r) AS type, b.id AS target
ORDER BY start, source, target, type
