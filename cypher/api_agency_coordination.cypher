// name: api_agency_coordination
// purpose: Agencies an agency coordinates with (COORDINATES_WITH either way), weighted by the number of shared tasks.
// params: id = "so-thong-tin-va-truyen-thong-tinh-bac-ninh"; offset = 0; limit = 100
// returns: id, name, kind, level, province, shared_tasks, as_lead, as_support, documents
// engines: falkordb, neo4j
// notes: as_lead counts tasks this agency leads with the other supporting; as_support the reverse.
OPTIONAL MATCH (a1:Agency {id: $id})
OPTIONAL MATCH (a2:AgencyGroup {id: $id})
WITH coalesce(a1, a2) AS a
MATCH (a)-[c:COORDINATES_WITH]-(b)
WHERE b.id <> a.id
WITH b, count(DISTINCT c.task) AS shared_tasks,
     count(DISTINCT CASE WHEN startNode(c).id = a.id THEN c.task END) AS as_lead,
     count(DISTINCT CASE WHEN endNode(c).id = a.id THEN c.task END) AS as_support,
     collect(DISTINCT c.doc_id) AS docs
RETURN b.id AS id, b.name AS name, b.kind AS kind, b.level AS level, b.province AS province,
       shared_tasks, as_lead, as_support, docs AS documents
ORDER BY shared_tasks DESC, id
SKIP $offset LIMIT $limit
