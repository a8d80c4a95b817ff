// name: load_migrate_agency_ids
// purpose: Schema 3 -> 4 migration, second step: give each agency or group its new, jurisdiction-scoped id; edges follow their nodes. A new id that another node already has is left alone (that node came from a re-ingest under schema 4), so the step can run again.
// params: rows = [{old: "phong-noi-vu-huyen-chau-thanh", new: "phong-noi-vu-huyen-chau-thanh--soc-trang"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
OPTIONAL MATCH (a:Agency {id: row.old})
OPTIONAL MATCH (g:AgencyGroup {id: row.old})
WITH row, coalesce(a, g) AS n
WHERE n IS NOT NULL
OPTIONAL MATCH (x:Agency {id: row.new})
OPTIONAL MATCH (y:AgencyGroup {id: row.new})
WITH row, n, x, y
WHERE x IS NULL AND y IS NULL
SET n.id = row.new
