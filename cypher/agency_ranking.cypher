// name: agency_ranking
// purpose: Agencies ranked by the number of tasks they lead (chủ trì) and support (phối hợp), optionally within one province ("" = all), with or without collective groups, top N.
// params: province = "Bắc Ninh"; include_groups = true; limit = 100
// returns: id, name, kind, level, province, lead, support, total, plans
// engines: falkordb, neo4j
// Collective assignees (AgencyGroup, kind "group": "các sở, ngành") carry many
// duties; include_groups = false leaves them out, true lists them with their kind.
MATCH (t:Task)-[r:ASSIGNED_TO]->(a)
WHERE (coalesce($province, '') = '' OR a.province = $province)
  AND ($include_groups OR coalesce(a.kind, 'agency') <> 'group')
WITH a,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN t.id END) AS led,
     collect(DISTINCT CASE WHEN r.role = 'support' THEN t.id END) AS supported,
     collect(DISTINCT t.doc_id) AS docs
RETURN a.id AS id,
       a.name AS name,
       a.kind AS kind,
       a.level AS level,
       a.province AS province,
       size(led) AS lead,
       size(supported) AS support,
       size(led) + size(supported) AS total,
       size(docs) AS plans
ORDER BY lead DESC, support DESC, name
LIMIT $limit
