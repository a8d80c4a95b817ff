// name: reporting_lines
// purpose: Reporting lines named by plans: who reports to whom, through whom, how often, and which plan says so; optionally one province ("" = all).
// params: province = "Lào Cai"
// returns: from_id, from_name, to_id, to_name, via, period, doc_id, symbol
// engines: falkordb, neo4j
// period is an ISO 8601 duration (P1Y = "Định kỳ hằng năm", P6M = "Định kỳ
// 06 tháng") or null when the plan gives none.
MATCH (a)-[r:REPORTS_TO]->(b)
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH a, r, b, d
WHERE coalesce($province, '') = '' OR d.province = $province OR a.province = $province
RETURN a.id AS from_id,
       a.name AS from_name,
       b.id AS to_id,
       b.name AS to_name,
       r.via AS via,
       r.period AS period,
       r.doc_id AS doc_id,
       d.symbol AS symbol
ORDER BY doc_id, from_name, to_name
