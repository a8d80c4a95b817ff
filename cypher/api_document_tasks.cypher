// name: api_document_tasks
// purpose: The tasks of one plan in document order, each with its lead and support agencies and deadline.
// params: id = "371-kh-ubnd--2024--bac-ninh"; offset = 0; limit = 500
// returns: id, ordinal, section, text, source, deadline_text, deadline_kind, due, period, lead, support
// engines: falkordb, neo4j
MATCH (d:Document {id: $id})-[:HAS_TASK]->(t:Task)
WITH t ORDER BY t.ordinal, t.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (t)-[r:ASSIGNED_TO]->(a)
WITH t, collect(CASE WHEN r.role = 'lead' THEN {id: a.id, name: a.name} END) AS lead,
     collect(CASE WHEN r.role = 'support' THEN {id: a.id, name: a.name} END) AS support
RETURN t.id AS id, t.ordinal AS ordinal, t.section AS section, t.text AS text, t.source AS source,
       t.deadline_text AS deadline_text, t.deadline_kind AS deadline_kind, t.due AS due, t.period AS period,
       lead, support
ORDER BY ordinal, id
