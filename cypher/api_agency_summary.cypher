// name: api_agency_summary
// purpose: One agency (or agency group) by id, without counts: the cheap existence check of the duties and coordination endpoints.
// params: id = "so-noi-vu-tinh-bac-ninh"
// returns: id, name, kind, level, province, district, aliases
// engines: falkordb, neo4j
OPTIONAL MATCH (a1:Agency {id: $id})
OPTIONAL MATCH (a2:AgencyGroup {id: $id})
WITH coalesce(a1, a2) AS a
WHERE a IS NOT NULL
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level, a.province AS province,
       a.district AS district, a.aliases AS aliases
