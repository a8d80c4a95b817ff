// name: api_agency_get
// purpose: One agency (or agency group) with its number of lead and support duties, for GET /agencies/{id} and the agency page.
// params: id = "so-noi-vu-tinh-bac-ninh"
// returns: id, name, kind, level, province, district, aliases, lead, support, documents
// engines: falkordb, neo4j
// notes: the two OPTIONAL MATCHes use each label's id index; groups carry :AgencyGroup instead of :Agency.
OPTIONAL MATCH (a1:Agency {id: $id})
OPTIONAL MATCH (a2:AgencyGroup {id: $id})
WITH coalesce(a1, a2) AS a
WHERE a IS NOT NULL
OPTIONAL MATCH (a)<-[r:ASSIGNED_TO]-(t:Task)
WITH a, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'support' THEN 1 END) AS support, collect(DISTINCT t.doc_id) AS docs
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level, a.province AS province,
       a.district AS district, a.aliases AS aliases, lead, support, size(docs) AS documents
