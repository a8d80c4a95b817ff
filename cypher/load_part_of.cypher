// name: load_part_of
// purpose: Loader: PART_OF from an agency (or group) to its jurisdiction or its parent body.
// params: rows = [{source: "so-noi-vu-tinh-bac-ninh", target: "bac-ninh"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
OPTIONAL MATCH (a:Agency {id: row.source})
OPTIONAL MATCH (g:AgencyGroup {id: row.source})
OPTIONAL MATCH (j:Jurisdiction {id: row.target})
OPTIONAL MATCH (p:Agency {id: row.target})
WITH coalesce(a, g) AS s, coalesce(j, p) AS t
WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
MERGE (s)-[:PART_OF]->(t)
