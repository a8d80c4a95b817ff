// name: province_coverage
// purpose: For each province of a given list (the CLI passes the 63 pre-2025 provinces from vietnamadminunits), whether any of its plans implements a directive, directly or transitively.
// params: id = "142-qd-ttg--2020"; provinces = ["Bắc Ninh", "Điện Biên", "Lào Cai", "Sóc Trăng"]
// returns: province, covered, plans, ids, symbols
// engines: falkordb, neo4j
// The province list is a parameter, not a graph table, so the query stays
// parameter-only and the list can be the 2025 units as well. A province
// matches on the documents' short province name (ingest.admin_units).
UNWIND $provinces AS province
OPTIONAL MATCH (d:Document {province: province})-[:IMPLEMENTS|BASED_ON*1..10]->(:Document {id: $id})
WITH province, collect(DISTINCT d.id) AS ids, collect(DISTINCT d.symbol) AS symbols
RETURN province,
       size(ids) > 0 AS covered,
       size(ids) AS plans,
       ids,
       symbols
ORDER BY covered DESC, province
