// name: load_part_of_other
// purpose: Loader: PART_OF from an :AgencyGroup to its :Jurisdiction, or from an agency or group to its parent :Agency (row kinds; the Agency-to-Jurisdiction case is load_part_of).
// params: rows = [{source: "phong-noi-vu-huyen-chau-thanh--soc-trang", source_kind: "agency", target: "uy-ban-nhan-dan-huyen-chau-thanh--soc-trang", target_kind: "agency"}]
// returns: nothing
// engines: falkordb, neo4j
// The row names the label of each end (an Agency and an AgencyGroup, or a Jurisdiction,
// may share an id): the edge does not depend on which nodes other documents made first.
UNWIND $rows AS row
OPTIONAL MATCH (a:Agency {id: row.source}) WHERE row.source_kind = 'agency'
OPTIONAL MATCH (g:AgencyGroup {id: row.source}) WHERE row.source_kind = 'group'
OPTIONAL MATCH (j:Jurisdiction {id: row.target}) WHERE row.target_kind = 'jurisdiction'
OPTIONAL MATCH (p:Agency {id: row.target}) WHERE row.target_kind = 'agency'
WITH coalesce(a, g) AS s, coalesce(j, p) AS t
WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
MERGE (s)-[:PART_OF]->(t)
