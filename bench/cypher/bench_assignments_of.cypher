// name: bench_assignments_of
// purpose: Benchmark export: the task assignments of the given agencies (the duties inputs), with the task's fields and its plan; the SQLite duties baseline needs no other rows, and paging every assignment of the L graph (ORDER BY + SKIP re-sorts ~6M rows per page) took longer than the benchmarks themselves.
// params: agencies = ["so-noi-vu-tinh-bac-ninh"]
// returns: agency, role, task, ordinal, section, text, deadline_text, deadline_kind, due, period, doc_id
// engines: falkordb, neo4j
UNWIND $agencies AS aid
MATCH (a {id: aid})<-[r:ASSIGNED_TO]-(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN a.id AS agency, r.role AS role, t.id AS task, t.ordinal AS ordinal, t.section AS section, t.text AS text,
       t.deadline_text AS deadline_text, t.deadline_kind AS deadline_kind, t.due AS due, t.period AS period,
       d.id AS doc_id
