// name: coordination_network
// purpose: The coordination network: pairs of agencies assigned to the same tasks, weighted by the number of shared tasks, within the plans of one province ("" = all).
// params: province = "Bắc Ninh"; include_groups = false
// returns: source_id, source, target_id, target, weight, source_leads, target_leads, plans
// engines: falkordb, neo4j
// Built from ASSIGNED_TO (every co-assignment of a task, lead or support),
// so it holds whatever the loader derived COORDINATES_WITH from. A pair is
// unordered (source_id < target_id); source_leads counts the shared tasks the
// source leads. include_groups = false drops collective assignees, which
// would otherwise be hubs connected to everyone.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE coalesce($province, '') = '' OR d.province = $province
MATCH (a)<-[ra:ASSIGNED_TO]-(t)-[rb:ASSIGNED_TO]->(b)
WHERE a.id < b.id
  AND ($include_groups OR (coalesce(a.kind, 'agency') <> 'group' AND coalesce(b.kind, 'agency') <> 'group'))
WITH a, b,
     collect(DISTINCT t.id) AS tasks,
     collect(DISTINCT CASE WHEN ra.role = 'lead' THEN t.id END) AS a_leads,
     collect(DISTINCT CASE WHEN rb.role = 'lead' THEN t.id END) AS b_leads,
     collect(DISTINCT d.id) AS docs
RETURN a.id AS source_id,
       a.name AS source,
       b.id AS target_id,
       b.name AS target,
       size(tasks) AS weight,
       size(a_leads) AS source_leads,
       size(b_leads) AS target_leads,
       docs AS plans
ORDER BY weight DESC, source, target
