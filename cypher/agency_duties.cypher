// name: agency_duties
// purpose: Duties of one agency (by id): every task assigned to it with its role, the plan that assigns it, the deadline, and the other agencies on the task.
// params: id = "so-noi-vu-tinh-bac-ninh"
// returns: task_id, role, section, text, deadline_text, deadline_kind, due, period, doc_id, doc_symbol, doc_title, doc_issuer, leads, supports, ordinal, role_order
// engines: falkordb, neo4j
OPTIONAL MATCH (x:Agency {id: $id})
OPTIONAL MATCH (g:AgencyGroup {id: $id})
WITH coalesce(x, g) AS a
WHERE a IS NOT NULL
MATCH (a)<-[r:ASSIGNED_TO]-(t:Task)<-[:HAS_TASK]-(d:Document)
OPTIONAL MATCH (t)-[o:ASSIGNED_TO]->(other)
WITH a, r, t, d,
     collect(DISTINCT CASE WHEN o.role = 'lead' THEN other.name ELSE NULL END) AS leads,
     collect(DISTINCT CASE WHEN o.role = 'support' THEN other.name ELSE NULL END) AS supports
RETURN t.id AS task_id, r.role AS role, t.section AS section, t.text AS text,
       t.deadline_text AS deadline_text, t.deadline_kind AS deadline_kind, t.due AS due, t.period AS period,
       d.id AS doc_id, d.symbol AS doc_symbol, d.title AS doc_title, d.issuer AS doc_issuer,
       leads, supports, t.ordinal AS ordinal, CASE WHEN r.role = 'lead' THEN 0 ELSE 1 END AS role_order
ORDER BY role_order, doc_id, ordinal
