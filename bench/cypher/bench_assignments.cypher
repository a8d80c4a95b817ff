// name: bench_assignments
// purpose: Benchmark export: every task assignment (agency, role) with the task's fields and its plan, a page at a time.
// params: skip = 0; limit = 100000
// returns: agency, role, task, ordinal, section, text, deadline_text, deadline_kind, due, period, doc_id
// engines: falkordb, neo4j
MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:ASSIGNED_TO]->(a)
RETURN a.id AS agency, r.role AS role, t.id AS task, t.ordinal AS ordinal, t.section AS section, t.text AS text,
       t.deadline_text AS deadline_text, t.deadline_kind AS deadline_kind, t.due AS due, t.period AS period,
       d.id AS doc_id
ORDER BY task, agency, role
SKIP $skip LIMIT $limit
