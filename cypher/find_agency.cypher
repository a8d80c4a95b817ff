// name: find_agency
// purpose: Agencies and agency groups by id or by accent-free search text (ingest.identity.fold of the name or an alias), exact id first, then the shortest names.
// params: id = "so-noi-vu-tinh-bac-ninh"; text = "so noi vu"
// returns: id, name, kind, level, province, district, aliases, tasks
// engines: falkordb, neo4j
MATCH (a)
WHERE (a:Agency OR a:AgencyGroup) AND (a.id = $id OR a.search CONTAINS $text)
OPTIONAL MATCH (t:Task)-[:ASSIGNED_TO]->(a)
WITH a, count(DISTINCT t) AS tasks
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level, a.province AS province,
       a.district AS district, a.aliases AS aliases, tasks,
       CASE WHEN a.id = $id THEN 0 ELSE 1 END AS exact, size(a.name) AS name_length
ORDER BY exact, name_length, id
