// name: api_lineage_down_edges
// purpose: Every IMPLEMENTS/BASED_ON edge below the given documents (the plans that carry them out, transitively), as plain ids.
// params: ids = ["27-nq-tw--2008"]
// returns: start, source, type, target
// engines: falkordb, neo4j
// notes: edges keep their stored direction (source = the implementing plan); the bound *0..12 is literal.
MATCH (s:Document) WHERE s.id IN $ids
MATCH (s)<-[:IMPLEMENTS|BASED_ON*0..12]-(b:Document)<-[r:IMPLEMENTS|BASED_ON]-(a:Document)
RETURN DISTINCT s.id AS start, a.id AS source, type(r) AS type, b.id AS target
ORDER BY start, source, target, type
