// name: api_lineage_down_edges
// purpose: Every IMPLEMENTS/BASED_ON edge below the given documents (the plans that carry them out, transitively), as plain ids.
// params: ids = ["27-nq-tw--2008"]
// returns: start, source, type, target
// engines: falkordb, neo4j
// notes: edges keep their stored direction (source = the implementing plan); the bound *0..12 is literal.
//        DISTINCT documents first, then their last hop: a document reached by several paths is expanded once
//        (one edge per pair since schema 2; max of 31 vs 62 ms on the S benchmark's largest directive).
MATCH (s:Document) WHERE s.id IN $ids
MATCH (s)<-[:IMPLEMENTS|BASED_ON*0..12]-(b:Document)
WITH DISTINCT s, b
MATCH (b)<-[r:IMPLEMENTS|BASED_ON]-(a:Document)
RETURN DISTINCT s.id AS start, a.id AS source, type(r) AS type, b.id AS target
ORDER BY start, source, target, type
