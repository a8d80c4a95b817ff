// name: recurring_tasks
// purpose: Recurring tasks grouped by period (ISO 8601 duration: P1Y yearly, P6M half-yearly), optionally one period only ("" = all).
// params: period = "P1Y"; province = ""
// returns: period, deadline_text, ordinal, section, text, doc_id, symbol, province, lead
// engines: falkordb, neo4j
// "Hằng năm", "Hàng năm", "Định kỳ hằng năm" are P1Y and "Định kỳ 06 tháng"
// P6M after ingest.deadlines; the text as written is kept beside it.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.deadline_kind = 'recurring'
  AND (coalesce($period, '') = '' OR t.period = $period)
  AND (coalesce($province, '') = '' OR d.province = $province)
OPTIONAL MATCH (t)-[r:ASSIGNED_TO {role: 'lead'}]->(a)
WITH d, t, collect(DISTINCT a.name) AS lead
RETURN t.period AS period,
       t.deadline_text AS deadline_text,
       t.ordinal AS ordinal,
       t.section AS section,
       t.text AS text,
       d.id AS doc_id,
       d.symbol AS symbol,
       d.province AS province,
       lead
ORDER BY period, doc_id, ordinal
