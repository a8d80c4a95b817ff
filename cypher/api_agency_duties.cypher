// name: api_agency_duties
// purpose: Every task an agency leads or supports, across all plans, with plan, section and deadline; filters by role, due date, plan, kind and words.
// params: id = "so-noi-vu-tinh-bac-ninh"; role = ""; due_before = ""; document = ""; kind = ""; groups = []; offset = 0; limit = 100
// returns: task_id, role, ordinal, section, text, deadline_text, deadline_kind, due, period, doc_id, doc_symbol, doc_type, doc_title, doc_issuer, doc_level, doc_issued_on
// engines: falkordb, neo4j
// notes: due_before compares ISO date strings (no temporal functions, CONTRIBUTING); tasks without a due date are excluded by it.
//        The page is cut on the task's own keys (t.doc_id is the plan's id) before its plan and text are read:
//        a department with 3,000 tasks sorts 3,000 small rows, not 3,000 full ones (store p50 62 ms -> 6 ms, issue #6).
OPTIONAL MATCH (a1:Agency {id: $id})
OPTIONAL MATCH (a2:AgencyGroup {id: $id})
WITH coalesce(a1, a2) AS a
MATCH (a)<-[r:ASSIGNED_TO]-(t:Task)
WHERE ($role = '' OR r.role = $role)
  AND ($due_before = '' OR (t.due IS NOT NULL AND t.due < $due_before))
  AND ($document = '' OR t.doc_id = $document)
  AND ($kind = '' OR t.deadline_kind = $kind)
  AND all(g IN $groups WHERE any(w IN g WHERE (' ' + coalesce(t.search, '')) CONTAINS (' ' + w)))
WITH r, t ORDER BY t.doc_id, t.ordinal, t.id, r.role SKIP $offset LIMIT $limit
MATCH (t)<-[:HAS_TASK]-(d:Document)
RETURN t.id AS task_id, r.role AS role, t.ordinal AS ordinal, t.section AS section, t.text AS text,
       t.deadline_text AS deadline_text, t.deadline_kind AS deadline_kind, t.due AS due, t.period AS period,
       d.id AS doc_id, d.symbol AS doc_symbol, d.doc_type AS doc_type, d.title AS doc_title,
       d.issuer AS doc_issuer, d.level AS doc_level, d.issued_on AS doc_issued_on
ORDER BY doc_id, ordinal, task_id, role
