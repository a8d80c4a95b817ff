// name: tasks_due_before
// purpose: Tasks due on or before a date (ISO): one-off deadlines and the first due date of recurring ones, earliest first, with their plan and lead agencies.
// params: date = "2024-12-31"; province = ""
// returns: due, deadline_text, ordinal, section, text, doc_id, symbol, province, lead, support
// engines: falkordb, neo4j
// Dates are ISO strings ("2020-06-30"), so string comparison is date order
// (no temporal functions: FalkorDB and Neo4j return them differently).
// The comparison is on coalesce(t.due, ''), not on t.due itself: FalkorDB
// 4.16 answers "t.due <= $date" from the range index on Task.due and, for
// string values, returns every indexed task regardless of the bound
// (reproduced in tests/test_queries.py); an expression is not index-backed.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.due IS NOT NULL AND coalesce(t.due, '') <= $date
  AND (coalesce($province, '') = '' OR d.province = $province)
OPTIONAL MATCH (t)-[r:ASSIGNED_TO]->(a)
WITH d, t,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN a.name END) AS lead,
     collect(DISTINCT CASE WHEN r.role = 'support' THEN a.name END) AS support
RETURN t.due AS due,
       t.deadline_text AS deadline_text,
       t.ordinal AS ordinal,
       t.section AS section,
       t.text AS text,
       d.id AS doc_id,
       d.symbol AS symbol,
       d.province AS province,
       lead,
       support
ORDER BY due, doc_id, ordinal
