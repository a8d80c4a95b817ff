// name: plan_tasks
// purpose: The tasks of one plan in document order, with section, lead and support agencies, deadline and where they were read (body or appendix).
// params: id = "371-kh-ubnd--2024--bac-ninh"
// returns: ordinal, section, text, lead, support, deadline_text, deadline_kind, due, period, source, task_id
// engines: falkordb, neo4j
MATCH (d:Document {id: $id})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)-[r:ASSIGNED_TO]->(a)
WITH t,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN a.name END) AS lead,
     collect(DISTINCT CASE WHEN r.role = 'support' THEN a.name END) AS support
RETURN t.ordinal AS ordinal,
       t.section AS section,
       t.text AS text,
       lead,
       support,
       t.deadline_text AS deadline_text,
       t.deadline_kind AS deadline_kind,
       t.due AS due,
       t.period AS period,
       t.source AS source,
       t.id AS task_id
ORDER BY ordinal
