// name: api_tasks_search
// purpose: Task search for GET /tasks and /search: deadline kind, due before a date, accent-free words; stable order by task id.
// params: due_before = "2025-12-31"; kind = ""; groups = [["tri"], ["thuc"]]; offset = 0; limit = 50
// returns: id, ordinal, section, text, deadline_text, deadline_kind, due, period, doc_id, doc_symbol, doc_title, lead, support
// engines: falkordb, neo4j
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($kind = '' OR t.deadline_kind = $kind)
  AND ($due_before = '' OR (t.due IS NOT NULL AND t.due < $due_before))
  AND all(g IN $groups WHERE any(w IN g WHERE (' ' + coalesce(t.search, '')) CONTAINS (' ' + w)))
WITH d, t ORDER BY t.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (t)-[r:ASSIGNED_TO]->(a)
WITH d, t, collect(CASE WHEN r.role = 'lead' THEN {id: a.id, name: a.name} END) AS lead,
     collect(CASE WHEN r.role = 'support' THEN {id: a.id, name: a.name} END) AS support
RETURN t.id AS id, t.ordinal AS ordinal, t.section AS section, t.text AS text,
       t.deadline_text AS deadline_text, t.deadline_kind AS deadline_kind, t.due AS due, t.period AS period,
       d.id AS doc_id, d.symbol AS doc_symbol, d.title AS doc_title, lead, support
ORDER BY id
